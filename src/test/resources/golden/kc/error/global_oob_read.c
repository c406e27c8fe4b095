// expect: runtime: out-of-bounds read of global array 'table' (index 1000, int[4]) at 8:17 in lookup(), called from main() at 14:34; stdout so far: 'table[2] = 3'
#include <stdio.h>

static int table[4] = {1, 2, 3, 4};

static int lookup(int idx)
{
    return table[idx];
}

int main(void)
{
    printf("table[2] = %d\n", lookup(2));
    printf("table[1000] = %d\n", lookup(1000));
    return 0;
}
