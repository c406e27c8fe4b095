// expect: runtime: out-of-bounds write past a malloc'd block (buf[8] = 8 on a 32-byte block from malloc at 13:16) at 8:12 in fill(), called from main() at 15:5; stdout so far: 'filling'
#include <stdio.h>
#include <stdlib.h>

static void fill(int *buf, int n)
{
    for (int i = 0; i <= n; i++)
        buf[i] = i;
}

int main(void)
{
    int *buf = malloc(8 * sizeof(int));
    printf("filling\n");
    fill(buf, 8);
    printf("filled\n");
    free(buf);
    return 0;
}
