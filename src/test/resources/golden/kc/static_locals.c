#include <stdio.h>

static int global_calls;          /* static global, zero-initialised */
static int base = 100;            /* static global with initialiser */

static int counter(void)
{
    static int count;             /* zero-initialised once */
    count++;
    global_calls++;
    return count;
}

static int next_id(void)
{
    static int id = 1000;         /* initialised once, not per call */
    return id++;
}

static const char *cycle(void)
{
    static const char *names[] = {"red", "green", "blue"};
    static int idx = 0;
    const char *r = names[idx];
    idx = (idx + 1) % 3;
    return r;
}

static int *remember(void)
{
    static int slot = 5;          /* pointer to static local stays valid */
    return &slot;
}

int main(void)
{
    for (int i = 0; i < 3; i++)
        printf("counter -> %d\n", counter());
    int id1 = next_id();
    int id2 = next_id();
    int id3 = next_id();
    printf("ids %d %d %d\n", id1, id2, id3);
    for (int i = 0; i < 4; i++)
        printf("%s ", cycle());
    printf("\n");
    int *p = remember();
    *p += 10;
    printf("remember again -> %d\n", *remember());
    base += global_calls;
    printf("global_calls %d base %d\n", global_calls, base);
    {
        static int block_static = 1;
        block_static *= 3;
        printf("block static %d\n", block_static);
    }
    return 0;
}
