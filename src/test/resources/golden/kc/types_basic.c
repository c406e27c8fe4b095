#include <stdio.h>
#include <stdbool.h>

static void nothing(void) { }

int main(void)
{
    int i = -42;
    unsigned u = 42u;
    long l = -1234567890123L;
    short s = -32768;
    unsigned short us = 65535;
    char c = 'A';
    signed char sc = -128;
    unsigned char uc = 255;
    _Bool b1 = 5;
    bool b2 = false;
    long long ll = 9000000000000000000LL;
    unsigned long long ull = 18000000000000000000ULL;

    nothing();
    printf("int %d unsigned %u long %ld short %d ushort %u\n", i, u, l, s, us);
    printf("char %c=%d schar %d uchar %d\n", c, c, sc, uc);
    printf("_Bool %d bool %d !b1 %d\n", b1, b2, !b1);
    printf("ll %lld ull %llu\n", ll, ull);
    printf("sizes: char %zu short %zu int %zu long %zu ll %zu\n",
           sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    printf("sizes: _Bool %zu ptr %zu void* %zu\n", sizeof(_Bool), sizeof(int *), sizeof(void *));
    b2 = (bool)(i < 0) ? true : false;
    b1 = 0;
    b1 = b1 + 1;
    b1 = b1 + 1;
    printf("bool after adds %d, b2 %d\n", b1, b2);
    char neg = (char)200;
    printf("char 200 -> %d (char is signed)\n", neg);
    return 0;
}
