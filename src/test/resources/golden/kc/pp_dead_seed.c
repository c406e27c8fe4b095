#include <stdio.h>

/* The exact preprocessor shape from the seed driver: an empty #elif in a
 * group that is never evaluated because the #if was taken. */
#define DEAD 1

static int flage = 1;
static int locked;

static void spin_lock(int *l) { (*l)++; printf("lock -> %d\n", *l); }
static void spin_unlock(int *l) { (*l)--; printf("unlock -> %d\n", *l); }

static int open_dev(void)
{
    spin_lock(&locked);
    if (flage != 1) {
        spin_unlock(&locked);
        return -16;
    }
    flage = 0;
#if DEAD
#elif
    printf("never\n");
#endif
    return 0;
}

static int release_dev(void)
{
    flage = 1;
#if DEAD
    spin_unlock(&locked);
#endif
    return 0;
}

int main(void)
{
    printf("open %d\n", open_dev());
    printf("locked %d\n", locked);
    printf("release %d\n", release_dev());
    printf("locked %d\n", locked);
#if DEAD
#elif
    printf("never\n");
#endif
    printf("done\n");
    return 0;
}
