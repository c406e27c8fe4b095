// expect: 7:10: error: expected ';' before 'return'   (gcc points just after the '1' that ends line 7)
#include <stdio.h>

int main(void)
{
    int x;
    x = 1
    return x;
}
