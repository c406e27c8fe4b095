// expect: 8:5: error: cleanup argument not a function   (gcc points at the declaration's start, 8:5)
#include <stdio.h>

static int release;

int main(void)
{
    int x __attribute__((cleanup(release))) = 1;
    return x;
}
