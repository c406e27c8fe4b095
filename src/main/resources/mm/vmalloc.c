/*
 * spinlab's model of mm/vmalloc.c: vmalloc areas as heap blocks kept on a list of vmap_areas
 * (the kernel keeps them in a tree by address), so that vfree() of anything else is the
 * kernel's "Trying to vfree() nonexistent vm area" warning.
 */
#include <linux/kernel.h>
#include <linux/vmalloc.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/hardirq.h>

void *__spinlab_kmalloc(unsigned long size);
void __spinlab_kfree(const void *p);

struct vmap_area {
    unsigned long va_start;
    unsigned long size;
    struct list_head list;
};

static DEFINE_SPINLOCK(vmap_area_lock);
static LIST_HEAD(vmap_area_list);

static struct vmap_area *find_vmap_area(unsigned long addr)
{
    struct list_head *pos;

    for (pos = vmap_area_list.next; pos != &vmap_area_list; pos = pos->next) {
        struct vmap_area *va = list_entry(pos, struct vmap_area, list);
        if (addr >= va->va_start && addr < va->va_start + va->size)
            return va;
    }
    return NULL;
}

void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
    struct vmap_area *va;
    void *addr;

    might_sleep();          /* vmalloc always may sleep: it maps pages into page tables */
    if (!size)
        return NULL;
    va = kmalloc(sizeof(*va), GFP_KERNEL);
    addr = __spinlab_kmalloc(size);
    if (!va || !addr) {
        kfree(va);
        return NULL;
    }
    va->va_start = (unsigned long)addr;
    va->size = size;
    spin_lock(&vmap_area_lock);
    list_add_tail(&va->list, &vmap_area_list);
    spin_unlock(&vmap_area_lock);
    return addr;
}

void *vmalloc(unsigned long size)
{
    return __vmalloc(size, GFP_KERNEL);
}

void *vzalloc(unsigned long size)
{
    return __vmalloc(size, GFP_KERNEL | __GFP_ZERO);    /* fresh machine memory is zero */
}

void *vmalloc_array(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return vmalloc(n * size);
}

void *vcalloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return vzalloc(n * size);
}

bool is_vmalloc_addr(const void *x)
{
    bool found;

    spin_lock(&vmap_area_lock);
    found = find_vmap_area((unsigned long)x) != NULL;
    spin_unlock(&vmap_area_lock);
    return found;
}

void vfree(const void *addr)
{
    struct vmap_area *va;

    if (!addr)
        return;
    might_sleep_if(!in_interrupt());
    spin_lock(&vmap_area_lock);
    va = find_vmap_area((unsigned long)addr);
    if (va && va->va_start == (unsigned long)addr)
        list_del(&va->list);
    else
        va = NULL;
    spin_unlock(&vmap_area_lock);
    if (!va) {
        WARN(1, "Trying to vfree() nonexistent vm area (%p)\n", addr);
        return;
    }
    __spinlab_kfree(addr);
    kfree(va);
}
