/* Floating constants in integer constant expressions, folded at compile time as gcc folds
 * them (drivers write timeouts and rates this way); no floating-point value exists at run time. */
#include <stdio.h>

typedef unsigned long long u64;

#define NSEC_PER_SEC 1E9
#define TIMEOUT_NS ((u64)(1E6L * 200))
#define RATE_HZ ((int)(2.5 * 4))
#define SCALE(x) ((long)((x) * 1.5))

static const u64 big = (u64)(NSEC_PER_SEC * 3600);
static int table[(int)(2.0 * 3)];
enum { HALF_K = (int)(1024 * 0.5) };

int main(void)
{
    int ms = 1.9 * 1000;            /* converted as by assignment: truncated */
    long neg = (long)-2.75;
    unsigned char small = 300.7;    /* out of range for unsigned char: gcc folds to 255 */
    printf("timeout=%llu rate=%d scale=%ld\n", TIMEOUT_NS, RATE_HZ, SCALE(10));
    printf("big=%llu table=%zu half=%d\n", big, sizeof(table) / sizeof(table[0]), HALF_K);
    printf("ms=%d neg=%ld\n", ms, neg);
    printf("compare: %d %d %d\n", 2.5 > 2, 1e3 == 1000, 0.1 + 0.2 == 0.3);
    printf("sizes: %zu %zu %zu\n", sizeof(1.0f), sizeof(1.0), sizeof(1.0L));
    printf("hex=%d small=%d\n", (int)0x1.8p4, small);
    switch (ms) {
    case (int)1.9e3:
        printf("case folded\n");
        break;
    default:
        printf("default\n");
    }
    return (int)(0.5 + 0.5) - 1;
}
