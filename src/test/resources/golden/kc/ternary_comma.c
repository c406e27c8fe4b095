#include <stdio.h>

static int trace(int v)
{
    printf("trace(%d)\n", v);
    return v;
}

static int max3(int a, int b, int c)
{
    return a > b ? (a > c ? a : c) : (b > c ? b : c);
}

int main(void)
{
    int x = 4;
    int r = x > 3 ? trace(1) : trace(2);   /* only one side evaluated */
    printf("r = %d\n", r);
    printf("max3 = %d %d %d\n", max3(1, 2, 3), max3(9, 2, 3), max3(1, 8, 3));
    int y = (trace(10), trace(20), 30);
    printf("comma value y = %d\n", y);
    int i, j;
    for (i = 0, j = 10; i < j; i += 3, j -= 2)
        printf("i=%d j=%d\n", i, j);
    int a = 1, b = 2;
    printf("a=%d b=%d\n", a, b);
    *(a < b ? &a : &b) = 7;
    printf("a=%d b=%d\n", a, b);
    unsigned u = 0;
    long res = 1 ? -1 : u;     /* result type unsigned int */
    printf("1 ? -1 : u -> %ld\n", res);
    int z = (x = 2, x * 5);
    printf("z = %d x = %d\n", z, x);
    printf("nested ?: %s\n", x ? (z ? "both" : "x only") : "none");
    printf("constant cond: %d\n", 0 ? 1 : 5);
    return 0;
}
