#include <stdio.h>

static void bubble(int *a, int n)
{
    int swapped;
    do {
        swapped = 0;
        for (int i = 1; i < n; i++)
            if (a[i - 1] > a[i]) {
                int t = a[i - 1];
                a[i - 1] = a[i];
                a[i] = t;
                swapped = 1;
            }
        n--;
    } while (swapped);
}

static int bsearch_int(const int *a, int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -(lo + 1);
}

int main(void)
{
    int a[] = {42, -7, 19, 0, 88, 3, 19, -50, 61, 5};
    int n = sizeof a / sizeof a[0];
    bubble(a, n);
    for (int i = 0; i < n; i++)
        printf("%d%c", a[i], i + 1 < n ? ' ' : '\n');
    int keys[] = {19, -50, 88, 4, 100, -100};
    for (int i = 0; i < 6; i++)
        printf("search %d -> %d\n", keys[i], bsearch_int(a, n, keys[i]));
    /* sieve */
    char composite[60] = {0};
    int count = 0;
    for (int i = 2; i < 60; i++) {
        if (composite[i])
            continue;
        count++;
        for (int j = i * i; j < 60; j += i)
            composite[j] = 1;
    }
    printf("primes below 60: %d\n", count);
    return 0;
}
