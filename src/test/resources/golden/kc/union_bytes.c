#include <stdio.h>
#include <stdint.h>

union word {
    uint32_t u;
    int32_t i;
    uint16_t half[2];
    uint8_t bytes[4];
};

union big {
    uint64_t q;
    uint32_t d[2];
    unsigned char c[8];
};

int main(void)
{
    union word w;
    w.u = 0x11223344;
    printf("sizeof union word = %zu\n", sizeof w);
    printf("bytes: %02x %02x %02x %02x (little-endian)\n", w.bytes[0], w.bytes[1], w.bytes[2], w.bytes[3]);
    printf("halves: %#06x %#06x\n", w.half[0], w.half[1]);
    w.bytes[3] = 0xff;
    printf("after bytes[3]=0xff: u=%#x i=%d\n", w.u, w.i);
    w.i = -2;
    printf("i=-2: u=%u bytes %x %x %x %x\n", w.u, w.bytes[0], w.bytes[1], w.bytes[2], w.bytes[3]);

    union big b;
    b.q = 0x0102030405060708ULL;
    printf("d[0]=%#x d[1]=%#x c[0]=%d c[7]=%d\n", b.d[0], b.d[1], b.c[0], b.c[7]);

    /* char view of an int via pointer (allowed aliasing) */
    int x = 0x0a0b0c0d;
    unsigned char *p = (unsigned char *)&x;
    printf("char view: %x %x %x %x\n", p[0], p[1], p[2], p[3]);
    p[0] = 0;
    printf("x now %#x\n", x);

    union { int i; char c; } probe;
    probe.i = 1;
    printf("little endian? %s\n", probe.c ? "yes" : "no");
    union word copy = w;
    copy.half[1] = 0;
    printf("copy.u %#x orig.u %#x\n", copy.u, w.u);
    return 0;
}
