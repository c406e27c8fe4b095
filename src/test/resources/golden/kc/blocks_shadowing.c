#include <stdio.h>

int x = 1;                   /* global x */

static int show_global(void) { return x; }

int main(void)
{
    printf("global x %d\n", x);
    int x = 2;               /* shadows global */
    printf("local x %d, global via fn %d\n", x, show_global());
    {
        int x = 3;           /* shadows outer local */
        printf("block x %d\n", x);
        {
            x++;             /* modifies block x */
            int x = 40;
            printf("inner block x %d\n", x);
        }
        printf("block x after inner %d\n", x);
    }
    printf("local x again %d\n", x);
    for (int x = 10; x < 12; x++) {
        int y = x * 2;
        printf("for x %d y %d\n", x, y);
    }
    int total = 0;
    for (int i = 0; i < 3; i++) {
        int i2 = i * i;      /* fresh each iteration */
        total += i2;
    }
    printf("total %d\n", total);
    {
        extern int x;        /* refers to the global again */
        x = 100;
    }
    printf("local %d global %d\n", x, show_global());
    if (x == 2) {
        int x = -1;
        printf("if-block x %d\n", x);
    }
    struct x { int x; } sx = { 7 };   /* tags and members live in other namespaces */
    printf("struct x member %d, x %d\n", sx.x, x);
    return 0;
}
