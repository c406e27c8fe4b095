/* spinlab's model of mm/slab_common.c: kmalloc over the machine's allocator; GFP_KERNEL may sleep. */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/sched.h>

void *__spinlab_kmalloc(unsigned long size);
void __spinlab_kfree(const void *p);

void *kmalloc(size_t size, gfp_t flags)
{
    if (flags & __GFP_DIRECT_RECLAIM)
        might_sleep();
    return __spinlab_kmalloc(size);
}

void *kzalloc(size_t size, gfp_t flags)
{
    return kmalloc(size, flags);    /* the machine's fresh memory is zeroed */
}

void kfree(const void *p)
{
    __spinlab_kfree(p);
}
