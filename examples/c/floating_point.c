// expect: a compile error naming floating-point arithmetic and its line: the model has no FPU
#include <stdio.h>

#define TIMEOUT_NS ((unsigned long)(1E6 * 200))   /* a constant gcc folds: accepted */

int main(void)
{
    int samples = 7, total = 38;
    int percent = total * 100.0 / samples;        /* computed at run time: refused */
    printf("%lu %d\n", TIMEOUT_NS, percent);
    return 0;
}
