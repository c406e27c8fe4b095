// expect: 7:11: error: lvalue required as left operand of assignment   (column of the '=')
#include <stdio.h>

int main(void)
{
    int a = 1, b = 2;
    a + b = 5;
    printf("%d\n", a);
    return 0;
}
