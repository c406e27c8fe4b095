#include <stdio.h>

int main(void)
{
    unsigned x = 1;
    for (int i = 0; i < 32; i += 7)
        printf("1u << %d = %u\n", i, x << i);
    printf("0x80000000u >> 31 = %u\n", 0x80000000u >> 31);
    printf("-16 >> 2 = %d (arithmetic)\n", -16 >> 2);
    printf("-1 >> 10 = %d\n", -1 >> 10);
    printf("0xF0u >> 4 = %#x\n", 0xF0u >> 4);
    unsigned long long one = 1;
    printf("1ull << 63 = %llu\n", one << 63);
    printf("1L << 40 = %ld\n", 1L << 40);
    int n = 5;
    n <<= 3;
    printf("5 <<= 3 -> %d\n", n);
    n >>= 2;
    printf(">>= 2 -> %d\n", n);
    unsigned char c = 0x81;
    printf("uchar 0x81 << 1 = %#x (promoted)\n", c << 1);
    unsigned char c2 = c << 1;
    printf("stored back = %#x\n", c2);
    printf("shift precedence 1 << 2 + 1 = %d\n", 1 << 2 + 1);
    unsigned mask = ~0u >> 28;
    printf("~0u >> 28 = %u\n", mask);
    int bits = 0;
    unsigned v = 0xB6u;
    while (v) { bits += v & 1; v >>= 1; }
    printf("popcount(0xB6) = %d\n", bits);
    return 0;
}
