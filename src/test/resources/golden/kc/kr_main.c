#include <stdio.h>

static int flag = 0;

static int maybe(int x)
{
    if (x > 0) {
        flag = x;
        return;         /* no value in a non-void function; the caller ignores it */
    }
    flag = -1;
    return;
}

main()
{
    maybe(5);
    printf("flag %d\n", flag);
    maybe(0);
    printf("flag %d\n", flag);
    printf("K&R main returns 0\n");
    return 0;
}
