/*
 * spinlab's model of kernel/resource.c: the ioport and iomem resource trees (one level:
 * drivers claim ranges of the roots), and the model machine's I/O space behind asm/io.h.
 *
 * The machine has no devices behind its ports or physical addresses: the port space is 64 KiB
 * of latches (each keeps what was last written, 0 at first), and an ioremap() of a physical
 * range maps memory standing for its registers; two mappings of the same range share it.
 */
#include <linux/kernel.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>

void *__spinlab_kmalloc(unsigned long size);
void __spinlab_kfree(const void *p);

struct resource ioport_resource = {
    .name = "PCI IO", .start = 0, .end = IO_SPACE_LIMIT, .flags = IORESOURCE_IO,
};

struct resource iomem_resource = {
    .name = "PCI mem", .start = 0, .end = -1, .flags = IORESOURCE_MEM,
};

static DEFINE_RWLOCK(resource_lock);

static u8 *port_space(void);

struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
                                  const char *name, int flags)
{
    struct resource *res = kzalloc(sizeof(*res), GFP_KERNEL);
    struct resource **p;
    resource_size_t end = start + n - 1;

    if (!res)
        return NULL;
    res->name = name;
    res->start = start;
    res->end = end;
    res->flags = (parent->flags & (IORESOURCE_IO | IORESOURCE_MEM)) | IORESOURCE_BUSY | flags;
    write_lock(&resource_lock);
    if (start > end || start < parent->start || end > parent->end)
        goto conflict;
    for (p = &parent->child; *p; p = &(*p)->sibling) {
        struct resource *tmp = *p;
        if (tmp->start > end)
            break;
        if (tmp->end >= start)
            goto conflict;
    }
    res->sibling = *p;
    res->parent = parent;
    *p = res;
    write_unlock(&resource_lock);
    /*
     * The port latches are made when ports are first claimed, which a driver does in its init:
     * under check that is still the boot, whose allocations are shared (a search's per-context
     * allocation arenas are smaller than the 64 KiB of ports)
     */
    if (parent == &ioport_resource)
        port_space();
    return res;
conflict:
    write_unlock(&resource_lock);
    kfree(res);
    return NULL;
}

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
    struct resource **p;
    resource_size_t end = start + n - 1;

    write_lock(&resource_lock);
    for (p = &parent->child; *p; p = &(*p)->sibling) {
        struct resource *res = *p;
        if (res->start == start && res->end == end) {
            *p = res->sibling;
            write_unlock(&resource_lock);
            kfree(res);
            return;
        }
    }
    write_unlock(&resource_lock);
    printk(KERN_WARNING "Trying to free nonexistent resource <%016llx-%016llx>\n",
           (unsigned long long)start, (unsigned long long)end);
}

/* 0 if the range is free, -EBUSY if any of it is claimed (the old check_region()) */
int check_region(resource_size_t start, resource_size_t n)
{
    struct resource *res = __request_region(&ioport_resource, start, n, "check-region", 0);

    if (!res)
        return -EBUSY;
    __release_region(&ioport_resource, start, n);
    return 0;
}

/* ---- the machine's port space ---- */

static u8 *ioport_space;

static u8 *port_space(void)
{
    if (!ioport_space)
        ioport_space = __spinlab_kmalloc(IO_SPACE_LIMIT + 1);     /* zeroed, never freed */
    return ioport_space;
}

unsigned int __spinlab_port_in(unsigned long port, int size)
{
    volatile u8 *p = port_space() + (port & IO_SPACE_LIMIT);

    if (size == 1)
        return *p;
    if (size == 2)
        return *(volatile u16 *)p;
    return *(volatile u32 *)p;
}

void __spinlab_port_out(unsigned int value, unsigned long port, int size)
{
    volatile u8 *p = port_space() + (port & IO_SPACE_LIMIT);

    if (size == 1)
        *p = value;
    else if (size == 2)
        *(volatile u16 *)p = value;
    else
        *(volatile u32 *)p = value;
}

/* lib/iomap.c: a port range as an __iomem cookie; the model's cookie is the latches' address */
void __iomem *ioport_map(unsigned long port, unsigned int nr)
{
    if (port > IO_SPACE_LIMIT)
        return NULL;
    return (void __iomem *)(port_space() + port);
}

void ioport_unmap(void __iomem *addr)
{
}

/* ---- MMIO mappings (arch/x86/mm/ioremap.c) ---- */

struct io_mapping {
    phys_addr_t phys;
    size_t size;
    u8 *regs;
    int users;
    struct list_head node;
};

static LIST_HEAD(io_mappings);
static DEFINE_SPINLOCK(io_mappings_lock);

void __iomem *ioremap(phys_addr_t offset, size_t size)
{
    struct io_mapping *m;
    struct list_head *pos;
    void __iomem *ret = NULL;

    if (!size || offset + size - 1 < offset)
        return NULL;
    spin_lock(&io_mappings_lock);
    for (pos = io_mappings.next; pos != &io_mappings; pos = pos->next) {
        m = list_entry(pos, struct io_mapping, node);
        if (offset >= m->phys && offset + size <= m->phys + m->size) {
            m->users++;
            ret = (void __iomem *)(m->regs + (offset - m->phys));
            break;
        }
    }
    spin_unlock(&io_mappings_lock);
    if (ret)
        return ret;
    m = kzalloc(sizeof(*m), GFP_KERNEL);
    if (!m)
        return NULL;
    m->phys = offset;
    m->size = size;
    m->regs = __spinlab_kmalloc(size);
    m->users = 1;
    spin_lock(&io_mappings_lock);
    list_add_tail(&m->node, &io_mappings);
    spin_unlock(&io_mappings_lock);
    return (void __iomem *)m->regs;
}

void iounmap(volatile void __iomem *addr)
{
    struct list_head *pos;
    unsigned long a = (unsigned long)addr;

    spin_lock(&io_mappings_lock);
    for (pos = io_mappings.next; pos != &io_mappings; pos = pos->next) {
        struct io_mapping *m = list_entry(pos, struct io_mapping, node);
        if (a >= (unsigned long)m->regs && a < (unsigned long)m->regs + m->size) {
            if (--m->users == 0) {
                list_del(&m->node);
                spin_unlock(&io_mappings_lock);
                __spinlab_kfree(m->regs);
                kfree(m);
                return;
            }
            spin_unlock(&io_mappings_lock);
            return;
        }
    }
    spin_unlock(&io_mappings_lock);
    WARN(1, "iounmap: bad address %p\n", addr);
}
