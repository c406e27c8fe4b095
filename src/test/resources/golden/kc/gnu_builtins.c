/* gcc builtins kernel code relies on: __builtin_expect (likely/unlikely),
 * __builtin_constant_p, __builtin_offsetof, __builtin_types_compatible_p,
 * __builtin_choose_expr, __auto_type, case ranges, and the asm compiler barrier. */
#include <stdio.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define __same_type(a, b) __builtin_types_compatible_p(typeof(a), typeof(b))
#define barrier() __asm__ __volatile__("" : : : "memory")

struct rec {
    char kind;
    int count;
    struct { short lo, hi; } range[3];
};

enum { SIZE = 16 };

static const char *classify(int c)
{
    switch (c) {
    case '0' ... '9':
        return "digit";
    case 'a' ... 'z':
    case 'A' ... 'Z':
        return "letter";
    case ' ':
        return "space";
    default:
        return "other";
    }
}

int main(void)
{
    int n = 0;
    for (int i = 0; i < 10; i++) {
        if (likely(i != 3))
            n++;
        if (unlikely(i == 9))
            n += 100;
    }
    printf("n=%d\n", n);
    printf("expect value=%ld\n", __builtin_expect(n, 0));
    printf("constant_p: %d %d %d\n", __builtin_constant_p(SIZE * 2), __builtin_constant_p(n),
           __builtin_constant_p(sizeof(struct rec)));
    printf("offsetof: %zu %zu %zu\n", __builtin_offsetof(struct rec, count),
           __builtin_offsetof(struct rec, range[2].hi), __builtin_offsetof(struct rec, range));
    long l = 0;
    unsigned u = 0;
    printf("compatible: %d %d %d %d\n", __builtin_types_compatible_p(int, int),
           __builtin_types_compatible_p(int, unsigned int), __same_type(l, long),
           __same_type(u, int));
    printf("choose: %d %s\n", __builtin_choose_expr(1, 10, 20),
           __builtin_choose_expr(sizeof(long) == 8, "lp64", "ilp32"));
    __auto_type half = n / 2;
    __auto_type p = &half;
    *p += 1;
    printf("auto: %d %zu\n", half, sizeof(p));
    const char *s = "aZ5 ?";
    for (int i = 0; s[i]; i++)
        printf("'%c' is %s\n", s[i], classify(s[i]));
    barrier();
    asm volatile("" ::: "memory");
    __asm__("");
    return 0;
}
