/* Variadic function definitions with va_list: a debug-print wrapper over vsnprintf and
 * vprintf, a sum of a counted list, va_copy, and pointers through '...'. */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int debug_level = 2;

static int dbg(int level, const char *fmt, ...)
{
    char buf[64];
    va_list args;
    int n;

    if (level > debug_level)
        return 0;
    va_start(args, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, args);
    va_end(args);
    printf("[dbg%d] %s (%d)\n", level, buf, n);
    return n;
}

static long sum(int count, ...)
{
    va_list ap;
    long total = 0;
    va_start(ap, count);
    for (int i = 0; i < count; i++)
        total += va_arg(ap, int);
    va_end(ap);
    return total;
}

/* reads the list twice: once to count, once (from a copy) to print */
static void twice(const char *first, ...)
{
    va_list ap, again;
    int n = 0;
    va_start(ap, first);
    va_copy(again, ap);
    for (const char *s = first; s; s = va_arg(ap, const char *))
        n++;
    printf("%d words:", n);
    for (const char *s = first; s; s = va_arg(again, const char *))
        printf(" %s", s);
    printf("\n");
    va_end(again);
    va_end(ap);
}

static int say(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

static void fill(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsprintf(out, fmt, ap);
    va_end(ap);
}

static long mixed(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long a = va_arg(ap, long);
    unsigned char c = (unsigned char)va_arg(ap, int);
    int *p = va_arg(ap, int *);
    unsigned long u = va_arg(ap, unsigned long);
    va_end(ap);
    return a + c + *p + (long)(u >> 60) + n;
}

int main(void)
{
    dbg(1, "value %d of %s", 42, "answer");
    dbg(3, "not printed %d", 1);
    dbg(2, "truncated: %s", "a rather long string that does not fit in sixty-four bytes at all");
    printf("sum=%ld %ld %ld\n", sum(0), sum(3, 1, 2, 3), sum(5, -1, -2, -3, -4, 100));
    twice("alpha", "beta", "gamma", (char *)0);
    int w = say("%s=%04x%c", "hex", 0xbeef, '\n');
    printf("say wrote %d\n", w);
    char buf[32];
    fill(buf, "%d-%d-%d", 1, 22, 333);
    printf("buf=%s len=%zu\n", buf, strlen(buf));
    int seven = 7;
    printf("mixed=%ld\n", mixed(1, 1000L, 300, &seven, 0xf000000000000000UL));
    return 0;
}
