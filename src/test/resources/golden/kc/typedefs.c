#include <stdio.h>
#include <stdlib.h>

typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef int (*binop_t)(int, int);
typedef void (*visit_fn)(int idx, int val);

typedef struct pair {
    int a, b;
} pair_t;

typedef struct list list_t;
struct list { int v; list_t *next; };

typedef int arr4_t[4];
typedef char *string;

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }

static int fold(const int *v, int n, int init, binop_t op)
{
    for (int i = 0; i < n; i++)
        init = op(init, v[i]);
    return init;
}

static void print_visit(int idx, int val) { printf("[%d]=%d ", idx, val); }

static void each(const int *v, int n, visit_fn f)
{
    for (int i = 0; i < n; i++)
        f(i, v[i]);
    printf("\n");
}

int main(void)
{
    u32 x = 0xffffffffu;
    u16 h = (u16)x;
    u8 b = (u8)x;
    printf("u32 %u u16 %u u8 %u sizes %zu %zu %zu\n", x, h, b, sizeof(u32), sizeof(u16), sizeof(u8));
    pair_t p = {3, 4};
    struct pair q = p;
    pair_t *pp = &q;
    printf("pair %d %d via ptr %d\n", p.a, p.b, pp->a + pp->b);
    arr4_t data = {1, 2, 3, 4};
    printf("sizeof arr4_t %zu\n", sizeof(arr4_t));
    binop_t ops[2] = {add, mul};
    printf("sum %d product %d\n", fold(data, 4, 0, ops[0]), fold(data, 4, 1, ops[1]));
    each(data, 4, print_visit);
    list_t n2 = {2, NULL};
    list_t n1 = {1, &n2};
    printf("list %d -> %d\n", n1.v, n1.next->v);
    string s = "typed";
    printf("string %s\n", s);
    typedef int local_int;      /* block-scope typedef */
    local_int li = 9;
    printf("local typedef %d\n", li);
    return 0;
}
