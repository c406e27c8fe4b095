// expect: a compile error naming floating-point arithmetic and its line: the model has no FPU
#include <stdio.h>

int main(void)
{
    int samples = 7, total = 38;
    double mean = (double)total / samples;   /* computed at run time: refused */
    printf("%d\n", (int)(mean * 100));
    return 0;
}
