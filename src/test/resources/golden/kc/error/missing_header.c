// expect: 3:10: fatal error: nothere.h: No such file or directory
#include <stdio.h>
#include "nothere.h"

int main(void)
{
    return 0;
}
