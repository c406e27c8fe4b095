// expect: runtime: stack overflow (unbounded recursion) in down() at 8:12, down() calling itself, first called from main() at 14:20; stdout so far: 'recursing'
#include <stdio.h>

static int down(int n)
{
    int pad[16];
    pad[n & 15] = n;
    return down(n + 1) + pad[n & 15];
}

int main(void)
{
    printf("recursing\n");
    printf("%d\n", down(0));
    return 0;
}
