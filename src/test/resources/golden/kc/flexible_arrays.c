/* Zero-length arrays (GNU) and flexible array members (C99) at the end of a struct, the way
 * drivers size a header and its payload in one allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct packet {
    unsigned short len;
    unsigned char type;
    unsigned char data[];       /* flexible array member */
};

struct old_style {
    int count;
    long items[0];              /* GNU zero-length array */
};

struct empty_tail {
    char name[4];
    int nothing[0];
};

static struct packet *make_packet(unsigned char type, const char *payload)
{
    size_t n = strlen(payload);
    struct packet *p = malloc(sizeof(*p) + n + 1);
    p->len = (unsigned short)n;
    p->type = type;
    memcpy(p->data, payload, n + 1);
    return p;
}

int main(void)
{
    printf("sizes: %zu %zu %zu\n", sizeof(struct packet), sizeof(struct old_style), sizeof(struct empty_tail));
    printf("offsets: %zu %zu\n", __builtin_offsetof(struct packet, data), __builtin_offsetof(struct old_style, items));

    struct packet *p = make_packet(7, "hello");
    printf("packet: len=%u type=%u data=%s last=%c\n", p->len, p->type, p->data, p->data[p->len - 1]);
    free(p);

    struct old_style *o = malloc(sizeof(*o) + 3 * sizeof(long));
    o->count = 3;
    for (int i = 0; i < o->count; i++)
        o->items[i] = (i + 1) * 1000L;
    long sum = 0;
    for (int i = 0; i < o->count; i++)
        sum += o->items[i];
    printf("old_style: count=%d sum=%ld\n", o->count, sum);
    free(o);

    struct empty_tail t = { "abc" };
    printf("empty_tail: %s %zu\n", t.name, sizeof(t.nothing));
    int zero[0];
    printf("zero-length local: %zu\n", sizeof(zero));
    return 0;
}
