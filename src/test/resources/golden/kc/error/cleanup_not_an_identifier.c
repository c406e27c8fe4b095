// expect: 7:5: error: cleanup argument not an identifier   (gcc: the same, at the declaration's start)
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int *p __attribute__((cleanup(&free))) = NULL;
    return p != NULL;
}
