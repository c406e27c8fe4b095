// expect: 7:20: error: 'x' undeclared (first use in this function)
#include <stdio.h>

int main(void)
{
    int y = 2;
    printf("%d\n", x + y);
    return 0;
}
