#include <stdio.h>

static inline int square(int x) { return x * x; }
static inline unsigned rotl8(unsigned char v, int n)
{
    return (unsigned char)((v << n) | (v >> (8 - n)));
}
static inline int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}
inline static long twice(long v) { return v * 2; }
static inline int inline_kw(int a) { return a + 1; }

int main(void)
{
    int total = 0;
    for (int i = 1; i <= 5; i++)
        total += square(i);
    printf("sum of squares %d\n", total);
    printf("rotl8(0x81,1) = %#x rotl8(0x0f,4) = %#x\n", rotl8(0x81, 1), rotl8(0x0f, 4));
    printf("clamp %d %d %d\n", clamp(-5, 0, 10), clamp(5, 0, 10), clamp(50, 0, 10));
    printf("twice %ld\n", twice(21));
    printf("inline_kw %d\n", inline_kw(41));
    int (*fp)(int) = square;       /* address of an inline function */
    printf("via pointer %d\n", fp(12));
    return 0;
}
