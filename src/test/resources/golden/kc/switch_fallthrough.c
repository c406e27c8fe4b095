#include <stdio.h>

static void describe(int n)
{
    printf("%d:", n);
    switch (n) {
    case 0:
        printf(" zero");
        break;
    case 1:
    case 2:
        printf(" small");
        /* fall through */
    case 3:
        printf(" three-ish");
        break;
    case 10:
    case 11:
    case 12:
        printf(" ten-ish");
        break;
    default:
        printf(" other");
    case 99:
        printf(" (99 or default)");
    }
    printf("\n");
}

static int nested(int a, int b)
{
    switch (a) {
    case 1:
        switch (b) {
        case 1: return 11;
        case 2: return 12;
        default: break;
        }
        return 10;
    case 2:
        switch (b) {
        case 1:
            a += 100;
            break;       /* breaks the inner switch only */
        }
        return a;
    default:
        return -1;
    }
}

int main(void)
{
    int vals[] = {0, 1, 2, 3, 11, 50, 99};
    for (int i = 0; i < 7; i++)
        describe(vals[i]);
    printf("nested: %d %d %d %d %d\n", nested(1, 1), nested(1, 2), nested(1, 3), nested(2, 1), nested(3, 0));
    /* Duff-style count of fallthrough */
    int count = 0;
    for (int r = 0; r < 4; r++) {
        switch (r) {
        case 0: count++;
        case 1: count++;
        case 2: count++;
        case 3: count++;
        }
    }
    printf("fallthrough count %d\n", count);
    char c = 'b';
    switch (c) {
    case 'a': printf("got a\n"); break;
    case 'b': printf("got b\n"); break;
    }
    switch (5) {
    default:
        printf("only default\n");
    }
    long big = 1L << 33;
    switch (big) {
    case 1L << 33: printf("long switch ok\n"); break;
    default: printf("long switch bad\n");
    }
    return 0;
}
