// expect: runtime: double free (free(p) of a block already freed by the first release() call) at 7:5 in release(), called from main() at 16:5; stdout so far: 'released once'
#include <stdio.h>
#include <stdlib.h>

static void release(char *p)
{
    free(p);
}

int main(void)
{
    char *buf = malloc(16);
    buf[0] = 'x';
    release(buf);
    printf("released once\n");
    release(buf);
    printf("released twice\n");
    return 0;
}
