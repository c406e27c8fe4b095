// expect: 5:30: error: unsupported: variadic function definitions ('...' in the definition of count_args)
#include <stdio.h>

/* a user-defined variadic function: the interpreter has no stdarg */
static int count_args(int n, ...)
{
    return n;
}

int main(void)
{
    printf("%d\n", count_args(2, 10, 20));
    return 0;
}
