/* Structs and unions assigned, passed and returned by value; compound literals. */
#include <stdio.h>

struct vec {
    int x, y;
};

struct big {
    char name[12];
    long vals[4];
};

union num {
    long l;
    unsigned char b[8];
};

static struct vec add(struct vec a, struct vec b)
{
    struct vec r = { a.x + b.x, a.y + b.y };
    return r;
}

static struct vec scale(struct vec v, int k)
{
    v.x *= k;          /* the callee's copy */
    v.y *= k;
    return v;
}

static struct big make_big(const char *name, long base)
{
    struct big b = { 0 };
    int i;
    for (i = 0; name[i] && i < 11; i++)
        b.name[i] = name[i];
    for (i = 0; i < 4; i++)
        b.vals[i] = base + i;
    return b;
}

static long total(struct big b)
{
    return b.vals[0] + b.vals[1] + b.vals[2] + b.vals[3];
}

static union num bump(union num n)
{
    n.b[0]++;
    return n;
}

static struct vec (*op)(struct vec, struct vec) = add;

static const struct vec *origin = &(struct vec){ 0, 0 };

int main(void)
{
    struct vec a = { 1, 2 }, b = { 10, 20 };
    struct vec c = add(a, b);
    printf("c=(%d,%d)\n", c.x, c.y);
    struct vec d = scale(c, 3);
    printf("d=(%d,%d) c unchanged=(%d,%d)\n", d.x, d.y, c.x, c.y);
    printf("chained=%d\n", add(scale(a, 2), add(b, b)).y);
    c = op(c, d);
    printf("via pointer c=(%d,%d)\n", c.x, c.y);

    struct big g = make_big("spinlab", 40);
    struct big h;
    h = g;
    h.vals[0] = 0;
    printf("g=%s %ld h=%ld %s\n", g.name, total(g), total(h), make_big("x", 1).name);

    union num n = { .l = 0x01020304 };
    n = bump(bump(n));
    printf("n=%#lx\n", n.l);

    /* compound literals: values, addresses, arrays, in loops */
    struct vec e = (struct vec){ .y = 5 };
    struct vec *p = &(struct vec){ 7, 8 };
    p->x++;
    printf("e=(%d,%d) *p=(%d,%d) origin=(%d,%d)\n", e.x, e.y, p->x, p->y, origin->x, origin->y);
    int *arr = (int[]){ 3, 1, 4, 1, 5 };
    int sum = 0;
    for (int i = 0; i < 5; i++)
        sum += arr[i];
    printf("sum=%d len=%zu\n", sum, sizeof((int[]){ 3, 1, 4 }) / sizeof(int));
    for (int i = 0; i < 3; i++) {
        struct vec *q = &(struct vec){ i, i * i };
        q->y += 1;             /* re-initialised on every iteration */
        printf("q=(%d,%d) ", q->x, q->y);
    }
    printf("\n");
    c = add((struct vec){ 1, 1 }, (struct vec){ .x = 2 });
    printf("literal args c=(%d,%d)\n", c.x, c.y);
    int one = (int){ 1 };
    printf("scalar literal=%d\n", one + ((struct vec){ 4, 5 }).y);
    return 0;
}
