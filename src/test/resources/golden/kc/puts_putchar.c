#include <stdio.h>

static void print_str(const char *s)
{
    while (*s)
        putchar(*s++);
}

int main(void)
{
    puts("puts line 1");
    puts("");
    puts("after empty line");
    int r = putchar('X');
    putchar('\n');
    printf("putchar returned %d\n", r);
    int p = puts("puts return is nonnegative");
    printf("puts ok %d\n", p >= 0);
    print_str("manual putchar string\n");
    for (char c = 'a'; c <= 'z'; c += 5)
        putchar(c);
    putchar('\n');
    for (int i = 0; i < 3; i++) {
        putchar('0' + i);
        putchar(i < 2 ? ',' : '\n');
    }
    putchar(256 + 'Q');         /* converted to unsigned char */
    putchar(10);
    puts("tab\tand\\backslash");
    printf("no newline then puts: ");
    puts("joined");
    return 0;
}
