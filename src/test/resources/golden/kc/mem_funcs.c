#include <stdio.h>
#include <string.h>

static void dump(const char *tag, const char *b, int n)
{
    printf("%-10s", tag);
    for (int i = 0; i < n; i++)
        putchar(b[i] ? b[i] : '.');
    putchar('\n');
}

int main(void)
{
    char buf[16];
    memset(buf, 0, sizeof buf);
    memcpy(buf, "abcdefghij", 10);
    dump("memcpy", buf, 16);
    memset(buf + 2, '*', 3);
    dump("memset", buf, 16);
    /* overlapping forward move */
    memcpy(buf, "0123456789", 10);
    memmove(buf + 3, buf, 6);
    dump("move fwd", buf, 16);
    /* overlapping backward move */
    memcpy(buf, "0123456789", 10);
    memmove(buf, buf + 4, 6);
    dump("move back", buf, 16);
    printf("memcmp eq %d\n", memcmp("abc", "abc", 3));
    printf("memcmp lt %d gt %d\n", memcmp("abc", "abd", 3) < 0, memcmp("b", "a", 1) > 0);
    printf("memcmp unsigned bytes %d\n", memcmp("\xff", "\x01", 1) > 0);
    printf("memcmp n=0 %d\n", memcmp("x", "y", 0));
    int a[5] = {1, 2, 3, 4, 5}, b[5];
    memcpy(b, a, sizeof a);
    b[4] = 50;
    printf("int arrays equal prefix %d, full %d\n", memcmp(a, b, 4 * sizeof(int)) == 0, memcmp(a, b, sizeof a) == 0);
    memset(a, 0xff, sizeof a);
    printf("memset 0xff -> a[0] %d\n", a[0]);
    memset(a, 1, sizeof a);
    printf("memset 1 -> a[0] %#x\n", a[0]);
    struct { int x; char name[6]; } s1 = {7, "seven"}, s2;
    memcpy(&s2, &s1, sizeof s1);
    printf("struct memcpy %d %s\n", s2.x, s2.name);
    char *r = memcpy(buf, "ret", 4);
    printf("memcpy returns dest: %d %s\n", r == buf, r);
    int v[6] = {1, 2, 3, 4, 5, 6};
    memmove(v + 1, v, 5 * sizeof(int));
    printf("int memmove: %d %d %d %d %d %d\n", v[0], v[1], v[2], v[3], v[4], v[5]);
    return 0;
}
