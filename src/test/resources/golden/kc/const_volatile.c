#include <stdio.h>
#include <string.h>

static const int table[4] = {2, 3, 5, 7};
static const char greeting[] = "const data";
volatile int ticks;

static int sum_const(const int *v, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}

static size_t my_len(const char *const s)   /* const pointer to const char */
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static void spin(volatile int *flag, int n)
{
    for (int i = 0; i < n; i++)
        (*flag)++;
}

int main(void)
{
    const int limit = 3;
    int arr[] = {10, 20, 30, 40};
    printf("sum table %d, sum arr prefix %d\n", sum_const(table, 4), sum_const(arr, limit));
    printf("greeting %s len %zu\n", greeting, my_len(greeting));
    int x = 5, y = 6;
    const int *pc = &x;      /* pointer to const: can repoint */
    pc = &y;
    int *const cp = &x;      /* const pointer: can write through */
    *cp = 50;
    printf("*pc %d x %d\n", *pc, x);
    volatile int v = 0;
    for (int i = 0; i < 5; i++)
        v += i;
    printf("volatile sum %d\n", v);
    spin(&ticks, 7);
    printf("ticks %d\n", ticks);
    volatile unsigned char reg = 0x0f;
    reg |= 0xf0;
    reg &= ~0x01;
    printf("reg %#x\n", reg);
    const volatile int cv = 42;
    printf("cv %d\n", cv);
    char buf[16];
    strcpy(buf, greeting);
    buf[0] = 'C';
    printf("mutable copy %s\n", buf);
    return 0;
}
