#include <stdio.h>

int main(void)
{
    /* continue skips odd numbers, break stops at first > 10 */
    for (int i = 0; i < 20; i++) {
        if (i % 2)
            continue;
        if (i > 10)
            break;
        printf("%d ", i);
    }
    printf("\n");

    /* break in inner loop exits only inner loop */
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            if (j > i)
                break;
            if (j == 1)
                continue;
            printf("(%d,%d)", i, j);
        }
        printf(" | ");
    }
    printf("\n");

    /* find first pair summing to target, exit both loops with a flag */
    int v[] = {8, 3, 11, 5, 7, 2};
    int target = 9, fi = -1, fj = -1, found = 0;
    for (int i = 0; i < 6 && !found; i++)
        for (int j = i + 1; j < 6; j++)
            if (v[i] + v[j] == target) {
                fi = i; fj = j; found = 1;
                break;
            }
    printf("pair %d,%d\n", fi, fj);

    /* continue in while and do/while */
    int n = 0, printed = 0;
    while (n < 10) {
        n++;
        if (n % 3)
            continue;
        printed += n;
    }
    printf("while-continue sum %d\n", printed);
    int m = 0, odd = 0;
    do {
        m++;
        if (m % 2 == 0)
            continue;        /* jumps to the condition */
        odd++;
    } while (m < 9);
    printf("do-continue odd %d m %d\n", odd, m);

    /* break inside switch inside loop only leaves the switch */
    int loops = 0;
    for (int i = 0; i < 5; i++) {
        switch (i) {
        case 2:
            break;
        default:
            loops++;
            continue;
        }
        printf("after switch at i=%d\n", i);
    }
    printf("loops %d\n", loops);
    return 0;
}
