// expect: 11:20: error: too few arguments to function 'add'   (column of the call's callee 'add')
#include <stdio.h>

static int add(int a, int b)
{
    return a + b;
}

int main(void)
{
    printf("%d\n", add(1));
    return 0;
}
