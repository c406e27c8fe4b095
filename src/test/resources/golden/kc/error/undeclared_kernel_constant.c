// expect: 6:32: error: 'GFP_KERNEL' undeclared, with a note naming <linux/gfp.h>; the implicit declaration of kzalloc gets gcc's note too
#include <linux/kernel.h>

static void *make(void)
{
    return (void *)kzalloc(64, GFP_KERNEL);
}

int main(void)
{
    return make() != 0;
}
