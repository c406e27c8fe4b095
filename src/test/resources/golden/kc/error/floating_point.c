// expect: 7:5: error: unsupported: floating-point types (double variable 'avg')
#include <stdio.h>

int main(void)
{
    int n = 3;
    double avg = n / 2;
    printf("%d\n", (int)avg);
    return 0;
}
