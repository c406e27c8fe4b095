#include <stdio.h>

int main(void)
{
    int x = 100;
    x += 5;  printf("+=  %d\n", x);
    x -= 15; printf("-=  %d\n", x);
    x *= 3;  printf("*=  %d\n", x);
    x /= 7;  printf("/=  %d\n", x);
    x %= 13; printf("%%=  %d\n", x);
    x <<= 4; printf("<<= %d\n", x);
    x >>= 1; printf(">>= %d\n", x);
    x &= 0x3c; printf("&=  %d\n", x);
    x |= 0x101; printf("|=  %d\n", x);
    x ^= 0xff; printf("^=  %d\n", x);

    /* compound assignment on narrow types converts back */
    unsigned char c = 250;
    c += 10;
    printf("uchar 250 += 10 -> %d\n", c);
    short s = 1000;
    s *= 40;   /* 40000 does not fit; converted (implementation-defined, gcc wraps) */
    printf("short 1000 *= 40 -> %d\n", s);
    char ch = 'a';
    ch -= 32;
    printf("'a' -= 32 -> %c\n", ch);
    unsigned u = 5;
    u -= 10;
    printf("unsigned 5 -= 10 -> %u\n", u);
    int neg = -17;
    neg /= 5;  printf("-17 /= 5 -> %d\n", neg);
    neg = -17;
    neg %= 5;  printf("-17 %%= 5 -> %d\n", neg);

    /* compound assign through pointer and array element */
    int arr[4] = {1, 2, 3, 4};
    int *p = arr;
    *p += 10;
    p[2] *= p[3];
    arr[1] <<= arr[0] - 9;
    p += 3;
    *p ^= 1;
    printf("arr = %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);
    /* side effect in lvalue evaluated once */
    int idx = 0;
    arr[idx++] += 100;
    printf("arr[0]=%d idx=%d\n", arr[0], idx);
    long l = 1;
    l <<= 40;
    l |= 3;
    printf("long %ld\n", l);
    return 0;
}
