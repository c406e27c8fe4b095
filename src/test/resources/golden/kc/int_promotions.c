#include <stdio.h>

int main(void)
{
    /* usual arithmetic conversions: int vs unsigned */
    printf("-1 < 0u: %d\n", -1 < 0u);
    printf("-1 < 0: %d\n", -1 < 0);
    printf("-1L < 0u: %d\n", -1L < 0u);        /* long can hold all unsigned */
    printf("-1 < 0UL: %d\n", -1 < 0UL);
    unsigned u = 1;
    int i = -2;
    printf("i + u = %u\n", i + u);
    printf("(i + u > 5) = %d\n", i + u > 5);
    printf("i / 2u = %u\n", i / 2u);

    /* char arithmetic promotes to int */
    char a = 100, b = 100;
    int sum = a + b;
    char csum = a + b;
    printf("a+b int %d, char %d\n", sum, csum);
    printf("sizeof(a+b)=%zu sizeof(a)=%zu\n", sizeof(a + b), sizeof(a));
    char d = '7';
    printf("digit value %d, next letter %c\n", d - '0', 'a' + 2);

    unsigned char uc = 200;
    signed char sc = -56;
    printf("uc == sc ? %d ; uc == (unsigned char)sc ? %d\n", uc == sc, uc == (unsigned char)sc);
    printf("~uc = %d\n", ~uc);

    unsigned short us = 65535;
    printf("us * us = %u (promoted to int? computed as unsigned)\n", (unsigned)us * us);
    printf("us + 1 = %d\n", us + 1);

    long l = -5;
    unsigned long ul = 3;
    printf("l + ul = %lu\n", l + ul);
    printf("l < ul = %d\n", l < ul);
    long long ll = -1;
    unsigned int ui = 1;
    printf("ll < ui = %d\n", ll < ui);   /* ui converts to long long */
    return 0;
}
