#include <stdio.h>
#include <string.h>

#define RB_SIZE 8            /* power of two */
#define RB_MASK (RB_SIZE - 1)

struct ring {
    unsigned head;          /* write index, free-running */
    unsigned tail;          /* read index, free-running */
    char buf[RB_SIZE];
};

static unsigned rb_used(const struct ring *r) { return r->head - r->tail; }
static unsigned rb_free(const struct ring *r) { return RB_SIZE - rb_used(r); }

static int rb_put(struct ring *r, char c)
{
    if (rb_free(r) == 0)
        return -1;
    r->buf[r->head++ & RB_MASK] = c;
    return 0;
}

static int rb_get(struct ring *r, char *c)
{
    if (rb_used(r) == 0)
        return -1;
    *c = r->buf[r->tail++ & RB_MASK];
    return 0;
}

static int rb_write(struct ring *r, const char *s)
{
    int n = 0;
    while (*s && rb_put(r, *s) == 0) {
        s++;
        n++;
    }
    return n;
}

static void rb_drain(struct ring *r, int max)
{
    char c;
    printf("drain:");
    while (max-- > 0 && rb_get(r, &c) == 0)
        printf(" %c", c);
    printf(" (used %u)\n", rb_used(r));
}

int main(void)
{
    struct ring r;
    memset(&r, 0, sizeof r);
    printf("wrote %d\n", rb_write(&r, "abcde"));
    rb_drain(&r, 3);
    printf("wrote %d (wraps)\n", rb_write(&r, "fghijklm"));
    printf("head %u tail %u used %u free %u\n", r.head, r.tail, rb_used(&r), rb_free(&r));
    printf("put when full -> %d\n", rb_put(&r, 'z'));
    rb_drain(&r, 100);
    char c;
    printf("get when empty -> %d\n", rb_get(&r, &c));
    /* free-running counters survive unsigned wraparound */
    r.head = r.tail = 0xfffffffeu;
    rb_write(&r, "WXYZ");
    printf("near-wrap head %u tail %u used %u\n", r.head, r.tail, rb_used(&r));
    rb_drain(&r, 10);
    return 0;
}
