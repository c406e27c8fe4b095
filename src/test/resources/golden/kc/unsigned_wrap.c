#include <stdio.h>
#include <limits.h>

int main(void)
{
    unsigned int u = 0;
    u--;
    printf("0u - 1 = %u\n", u);
    u++;
    printf("UINT_MAX + 1 = %u\n", u);
    unsigned int big = UINT_MAX;
    printf("big * 2 = %u\n", big * 2u);
    unsigned char uc = 255;
    uc++;
    printf("uchar 255+1 = %d\n", uc);
    unsigned short us = 0;
    us -= 1;
    printf("ushort 0-1 = %d\n", us);
    unsigned long ul = 0;
    ul = ul - 1;
    printf("ulong 0-1 = %lu\n", ul);

    /* truncation on assignment to narrower types */
    int x = 0x12345678;
    short s = x;
    char c = x;
    unsigned char b = 0x1ff;
    printf("short %#x char %#x uchar %d\n", s, c, b);
    int y = 300;
    signed char sc = y;
    printf("(schar)300 = %d\n", sc);
    long long big64 = 0x123456789abcdefLL;
    int lo = (int)big64;
    printf("(int)0x123456789abcdef = %#x\n", lo);

    /* sign extension */
    signed char neg = -1;
    int ext = neg;
    unsigned int uext = neg;
    unsigned long ulext = neg;
    printf("sext int %d uint %#x ulong %#lx\n", ext, uext, ulext);
    short sneg = -2;
    unsigned short zero_ext = sneg;
    printf("short -2 as ushort %u, back to int %d\n", zero_ext, (int)zero_ext);
    unsigned char hi = 0x80;
    printf("(signed char)0x80 = %d, (int)uchar 0x80 = %d\n", (signed char)hi, (int)hi);
    return 0;
}
