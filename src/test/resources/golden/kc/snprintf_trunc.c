#include <stdio.h>
#include <string.h>

int main(void)
{
    char buf[8];
    int n = snprintf(buf, sizeof buf, "%s", "hello world");
    printf("ret %d buf \"%s\" len %zu\n", n, buf, strlen(buf));
    n = snprintf(buf, sizeof buf, "%d", 1234567);
    printf("ret %d buf \"%s\"\n", n, buf);
    n = snprintf(buf, sizeof buf, "%d", 12345678);
    printf("ret %d buf \"%s\"\n", n, buf);
    n = snprintf(buf, 1, "abc");
    printf("size 1: ret %d buf empty %d\n", n, buf[0] == '\0');
    n = snprintf(NULL, 0, "%d-%s", 42, "xyz");
    printf("measure only: %d\n", n);
    memset(buf, 'Z', sizeof buf);
    n = snprintf(buf, 0, "abc");
    printf("size 0 ret %d untouched %c\n", n, buf[0]);
    char big[64];
    n = sprintf(big, "%05d|%-4s|%x", 42, "ab", 255);
    printf("sprintf ret %d \"%s\"\n", n, big);
    /* build a string piecewise with the return value */
    int off = 0;
    for (int i = 0; i < 5; i++)
        off += snprintf(big + off, sizeof big - off, "%d,", i * i);
    big[off - 1] = '\0';
    printf("joined \"%s\" off %d\n", big, off);
    char tiny[4];
    int want = snprintf(tiny, sizeof tiny, "%s=%d", "key", 99);
    printf("tiny \"%s\" wanted %d truncated %d\n", tiny, want, want >= (int)sizeof tiny);
    n = sprintf(big, "%c%c%c", 'a', 0, 'b');
    printf("sprintf with NUL char ret %d strlen %zu\n", n, strlen(big));
    return 0;
}
