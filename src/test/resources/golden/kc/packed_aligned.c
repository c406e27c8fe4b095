/* gcc's packed and aligned attributes on structs and members, as hardware descriptors and
 * wire headers use them: sizes, offsets, and unaligned members read and written. */
#include <stdio.h>
#include <string.h>

struct __attribute__((packed)) wire_hdr {
    unsigned char type;
    unsigned int length;        /* at offset 1 */
    unsigned short port;
    unsigned long long cookie;
};

struct loose {
    unsigned char type;
    unsigned int length;
    unsigned short port;
} __attribute__((packed));

typedef struct {
    char tag;
    int value __attribute__((aligned(16)));
} aligned_member_t;

struct cacheline {
    int counter;
} __attribute__((aligned(64)));

struct mixed {
    char c;
    struct wire_hdr h;          /* a packed struct inside an ordinary one: alignment 1 */
    short s;
};

union __attribute__((packed)) pu {
    char c;
    int i;
};

int main(void)
{
    printf("sizes: %zu %zu %zu %zu %zu %zu\n", sizeof(struct wire_hdr), sizeof(struct loose),
           sizeof(aligned_member_t), sizeof(struct cacheline), sizeof(struct mixed), sizeof(union pu));
    printf("offsets: %zu %zu %zu %zu %zu\n", __builtin_offsetof(struct wire_hdr, length),
           __builtin_offsetof(struct wire_hdr, port), __builtin_offsetof(struct wire_hdr, cookie),
           __builtin_offsetof(aligned_member_t, value), __builtin_offsetof(struct mixed, s));
    printf("aligns: %zu %zu %zu\n", _Alignof(struct wire_hdr), _Alignof(aligned_member_t),
           _Alignof(struct cacheline));

    unsigned char buf[32];
    memset(buf, 0, sizeof(buf));
    struct wire_hdr *h = (struct wire_hdr *)(buf + 1);
    h->type = 7;
    h->length = 0x11223344;
    h->port = 8080;
    h->cookie = 0x0102030405060708ULL;
    for (int i = 0; i < 17; i++)
        printf("%02x", buf[i]);
    printf("\n");
    printf("read back: %u %#x %u %#llx\n", h->type, h->length, h->port, h->cookie);

    struct cacheline lines[2];
    printf("stride: %ld\n", (long)((char *)&lines[1] - (char *)&lines[0]));
    return 0;
}
