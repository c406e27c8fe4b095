// expect: 6:32: error: 'GFP_KERNEL' undeclared, with a note naming <linux/gfp.h>
#include <linux/kernel.h>
void *kzalloc(unsigned long size, unsigned int flags);
static void *make(void)
{
    return (void *)kzalloc(64, GFP_KERNEL);
}

int main(void)
{
    return make() != 0;
}
