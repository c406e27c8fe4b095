#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

int main(void)
{
    const char *in[] = {"42", "-17", "  +8", "123abc", "abc", "0", "-0", "2147483647", "  -2147483648", "\t7"};
    for (int i = 0; i < 10; i++)
        printf("atoi(\"%s\") = %d\n", in[i], atoi(in[i]));
    printf("abs: %d %d %d %d\n", abs(-5), abs(5), abs(0), abs(-INT_MAX));
    int total = 0;
    const char *csv = "10,20,-5,7";
    const char *p = csv;
    while (*p) {
        total += atoi(p);
        while (*p && *p != ',')
            p++;
        if (*p == ',')
            p++;
    }
    printf("csv total %d\n", total);
    int dist = abs(3 - 11) + abs(-4 - 2);
    printf("manhattan %d\n", dist);
    return 0;
}
