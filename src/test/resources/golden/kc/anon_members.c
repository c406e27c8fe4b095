#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

struct reg {
    int kind;
    union {                 /* anonymous union */
        uint32_t raw;
        struct {            /* anonymous struct inside anonymous union */
            uint16_t lo;
            uint16_t hi;
        };
    };
};

struct vec {
    union {
        struct { int x, y, z; };
        int v[3];
    };
};

struct tagged {
    enum { T_INT, T_STR } type;
    union {
        int ival;
        const char *sval;
    };
};

static void show(const struct tagged *t)
{
    if (t->type == T_INT)
        printf("int %d\n", t->ival);
    else
        printf("str %s\n", t->sval);
}

int main(void)
{
    struct reg r;
    r.kind = 1;
    r.raw = 0xdeadbeef;
    printf("raw %#x lo %#x hi %#x\n", r.raw, r.lo, r.hi);
    r.hi = 0x1234;
    printf("raw after hi=0x1234: %#x\n", r.raw);
    printf("sizeof reg %zu offsetof raw %zu lo %zu hi %zu\n", sizeof r,
           offsetof(struct reg, raw), offsetof(struct reg, lo), offsetof(struct reg, hi));

    struct vec v;
    v.x = 1; v.y = 2; v.z = 3;
    int s = 0;
    for (int i = 0; i < 3; i++)
        s += v.v[i] * (i + 1);
    printf("weighted sum %d\n", s);
    v.v[1] = 20;
    printf("y via alias %d\n", v.y);

    struct tagged a = {T_INT, {42}};
    struct tagged b;
    b.type = T_STR;
    b.sval = "hello";
    show(&a);
    show(&b);
    struct tagged c = {.type = T_INT, .ival = -9};
    show(&c);
    return 0;
}
