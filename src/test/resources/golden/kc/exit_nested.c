#include <stdio.h>
#include <stdlib.h>

static void level3(int v)
{
    printf("level3 v=%d, exiting with 3\n", v);
    exit(3);
    printf("never printed\n");
}

static int level2(int v)
{
    printf("level2\n");
    level3(v * 2);
    return 1;
}

static int level1(void)
{
    printf("level1\n");
    return level2(21);
}

int main(void)
{
    printf("main start\n");
    int r = level1();
    printf("main got %d (never)\n", r);
    return 0;
}
