/*
 * spinlab's model of <linux/ioport.h> (kernel/resource.c): the I/O port and memory resource
 * trees. request_region()/request_mem_region() claim a range (NULL if any of it is taken, as
 * the kernel does); /proc/ioports is not modelled.
 */
#ifndef _SPINLAB_LINUX_IOPORT_H
#define _SPINLAB_LINUX_IOPORT_H

#include <linux/types.h>

struct resource {
    resource_size_t start;
    resource_size_t end;
    const char *name;
    unsigned long flags;
    struct resource *parent, *sibling, *child;
};

#define IORESOURCE_IO 0x00000100
#define IORESOURCE_MEM 0x00000200
#define IORESOURCE_REG 0x00000300
#define IORESOURCE_IRQ 0x00000400
#define IORESOURCE_DMA 0x00000800
#define IORESOURCE_TYPE_BITS 0x00001f00
#define IORESOURCE_BUSY 0x80000000

#define DEFINE_RES_NAMED(_start, _size, _name, _flags) \
    { .start = (_start), .end = (_start) + (_size) - 1, .name = (_name), .flags = (_flags) }
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_MEM)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES_MEM_NAMED((_start), (_size), NULL)
#define DEFINE_RES_IO_NAMED(_start, _size, _name) DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_IO)
#define DEFINE_RES_IO(_start, _size) DEFINE_RES_IO_NAMED((_start), (_size), NULL)
#define DEFINE_RES_IRQ_NAMED(_irq, _name) DEFINE_RES_NAMED((_irq), 1, (_name), IORESOURCE_IRQ)
#define DEFINE_RES_IRQ(_irq) DEFINE_RES_IRQ_NAMED((_irq), NULL)

extern struct resource ioport_resource;
extern struct resource iomem_resource;

struct resource *__request_region(struct resource *parent, resource_size_t start, resource_size_t n,
                                  const char *name, int flags);
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);
int check_region(resource_size_t start, resource_size_t n);

#define request_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_muxed_region(start, n, name) __request_region(&ioport_resource, (start), (n), (name), 0)
#define request_mem_region(start, n, name) __request_region(&iomem_resource, (start), (n), (name), 0)
#define release_region(start, n) __release_region(&ioport_resource, (start), (n))
#define release_mem_region(start, n) __release_region(&iomem_resource, (start), (n))

static inline resource_size_t resource_size(const struct resource *res)
{
    return res->end - res->start + 1;
}

#endif
