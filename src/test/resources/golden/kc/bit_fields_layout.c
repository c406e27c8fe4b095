/* Bit-fields as drivers use them for register images and flags: layout (sizeof, and the
 * bytes in memory), signed and unsigned reads, writes that keep the neighbours, compound
 * assignment and ++ wrapping at the field's width, initializers, copies, unions. */
#include <stdio.h>
#include <string.h>

struct status {
    unsigned int ready : 1;
    unsigned int error : 1;
    unsigned int mode : 3;
    int level : 4;          /* signed: -8..7 */
    unsigned int : 0;       /* next unit */
    unsigned int count : 12;
};

struct mixed {
    char tag;
    unsigned short lo : 4, hi : 4;
    int wide : 20;
    long long big : 40;
    unsigned char last : 2;
};

struct reg {
    unsigned int : 3;       /* reserved bits */
    unsigned int enable : 1;
    unsigned int irq : 5;
};

union view {
    unsigned int raw;
    struct {
        unsigned int low : 8;
        unsigned int mid : 16;
        unsigned int top : 8;
    } f;
};

struct flags {
    _Bool on : 1;
    unsigned char pad;
    unsigned long word : 33;
};

static void dump(const char *what, const void *p, size_t n)
{
    const unsigned char *b = p;
    printf("%s:", what);
    for (size_t i = 0; i < n; i++)
        printf(" %02x", b[i]);
    printf("\n");
}

static struct status global_status = { .ready = 1, .mode = 5, .level = -3, .count = 4095 };

static struct reg make_reg(int irq)
{
    struct reg r = { 0 };
    r.enable = 1;
    r.irq = irq;
    return r;
}

int main(void)
{
    printf("sizes: %zu %zu %zu %zu %zu\n", sizeof(struct status), sizeof(struct mixed),
           sizeof(struct reg), sizeof(union view), sizeof(struct flags));

    struct status s;
    memset(&s, 0, sizeof(s));
    s.ready = 1;
    s.mode = 6;
    s.level = -2;
    s.count = 300;
    dump("status", &s, sizeof(s));
    printf("read: %u %u %u %d %u\n", s.ready, s.error, s.mode, s.level, s.count);

    s.mode = 9;             /* truncated to 3 bits: 1 */
    s.level = 7;
    s.level += 1;           /* wraps to -8 */
    s.count++;
    printf("after: mode=%u level=%d count=%u ready=%u\n", s.mode, s.level, s.count, s.ready);
    int v = (s.mode = 15);  /* the value of the assignment is the stored value */
    printf("assign value=%d\n", v);
    s.mode = 1;
    printf("promote: %d %d %zu\n", s.mode - 2 < 0, s.level < 0, sizeof(s.mode + 0));

    dump("global", &global_status, sizeof(global_status));
    printf("global: %u %u %d %u\n", global_status.ready, global_status.mode, global_status.level,
           global_status.count);

    struct mixed m = { 'x', 3, 12, -5000, -123456789012LL, 3 };
    printf("init: %c %u %u %d %lld %u\n", m.tag, m.lo, m.hi, m.wide, m.big, m.last);
    memset(&m, 0, sizeof(m));   /* padding bits are indeterminate: clear them to dump */
    m.tag = 'x';
    m.lo = 3;
    m.hi = 12;
    m.wide = -5000;
    m.big = -123456789012LL;
    m.last = 3;
    dump("mixed", &m, sizeof(m));
    printf("mixed: %c %u %u %d %lld %u\n", m.tag, m.lo, m.hi, m.wide, m.big, m.last);
    m.big += 1000000;
    m.hi ^= 0xf;
    printf("mixed2: %lld %u %u\n", m.big, m.hi, m.lo);

    struct reg r = make_reg(17);
    struct reg copy = r;
    copy.irq--;
    r.enable = 1;
    printf("reg unit: %u\n", r.irq * 16u + r.enable * 8u);
    printf("reg: %u %u / %u %u\n", r.enable, r.irq, copy.enable, copy.irq);

    union view u;
    u.raw = 0x12345678;
    printf("view: %x %x %x\n", u.f.low, u.f.mid, u.f.top);
    u.f.mid = 0xabcd;
    printf("raw: %x\n", u.raw);

    struct flags f = { 1, 0xee, 0x1ffffffffUL };
    printf("flags init: %d %u %lu\n", f.on, f.pad, f.word);
    memset(&f, 0, sizeof(f));
    f.pad = 0xee;
    f.word = 0x1ffffffffUL;
    f.on = 5;               /* _Bool: nonzero is 1 */
    dump("flags", &f, sizeof(f));
    printf("flags: %d %lu\n", f.on, f.word);
    for (int i = 0; i < 3; i++)
        f.word += 0x80000000UL;
    printf("word: %lu\n", f.word);
    return 0;
}
