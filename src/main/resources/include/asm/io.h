/*
 * spinlab's model of <asm/io.h>: port I/O and MMIO accessors on the model machine's I/O space.
 * The model machine has no devices behind its ports: every port byte is a latch that keeps
 * what was last written to it (0 at boot), the way a scratch register does; each access is
 * one visible step of the CPU (kernel/resource.c keeps the port space). MMIO mapped with
 * ioremap() is memory of the same kind. The barriers are full ones, as on ARM (dmb).
 */
#ifndef _SPINLAB_ASM_IO_H
#define _SPINLAB_ASM_IO_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#include <asm/page.h>

#define mb() __dmb()
#define rmb() __dmb()
#define wmb() __dmb()
#define dma_rmb() __dmb()
#define dma_wmb() __dmb()
#define iob() mb()
#define mmiowb() do { } while (0)

#define IO_SPACE_LIMIT 0xffff

unsigned int __spinlab_port_in(unsigned long port, int size);
void __spinlab_port_out(unsigned int value, unsigned long port, int size);

static inline u8 inb(unsigned long port) { return __spinlab_port_in(port, 1); }
static inline u16 inw(unsigned long port) { return __spinlab_port_in(port, 2); }
static inline u32 inl(unsigned long port) { return __spinlab_port_in(port, 4); }
static inline void outb(u8 value, unsigned long port) { __spinlab_port_out(value, port, 1); }
static inline void outw(u16 value, unsigned long port) { __spinlab_port_out(value, port, 2); }
static inline void outl(u32 value, unsigned long port) { __spinlab_port_out(value, port, 4); }
/* the _p ("pause") forms: the same accesses (no ISA pause port in the model) */
#define inb_p(port) inb(port)
#define inw_p(port) inw(port)
#define inl_p(port) inl(port)
#define outb_p(value, port) outb((value), (port))
#define outw_p(value, port) outw((value), (port))
#define outl_p(value, port) outl((value), (port))

static inline void insb(unsigned long port, void *addr, unsigned long count)
{
    u8 *p = addr;
    while (count--)
        *p++ = inb(port);
}
static inline void outsb(unsigned long port, const void *addr, unsigned long count)
{
    const u8 *p = addr;
    while (count--)
        outb(*p++, port);
}

/*
 * MMIO: volatile accesses, marked as READ_ONCE/WRITE_ONCE are (KCSAN takes them as atomic: a
 * device register polled while a handler writes it is no data race); readX() orders later
 * reads after it, writeX() earlier writes before it
 */
static inline u8 __raw_readb(const volatile void __iomem *addr) { return __spinlab_once(*(const volatile u8 *)addr); }
static inline u16 __raw_readw(const volatile void __iomem *addr) { return __spinlab_once(*(const volatile u16 *)addr); }
static inline u32 __raw_readl(const volatile void __iomem *addr) { return __spinlab_once(*(const volatile u32 *)addr); }
static inline u64 __raw_readq(const volatile void __iomem *addr) { return __spinlab_once(*(const volatile u64 *)addr); }
static inline void __raw_writeb(u8 v, volatile void __iomem *addr) { __spinlab_once(*(volatile u8 *)addr) = v; }
static inline void __raw_writew(u16 v, volatile void __iomem *addr) { __spinlab_once(*(volatile u16 *)addr) = v; }
static inline void __raw_writel(u32 v, volatile void __iomem *addr) { __spinlab_once(*(volatile u32 *)addr) = v; }
static inline void __raw_writeq(u64 v, volatile void __iomem *addr) { __spinlab_once(*(volatile u64 *)addr) = v; }

static inline u8 readb(const volatile void __iomem *addr) { u8 v = __raw_readb(addr); rmb(); return v; }
static inline u16 readw(const volatile void __iomem *addr) { u16 v = __raw_readw(addr); rmb(); return v; }
static inline u32 readl(const volatile void __iomem *addr) { u32 v = __raw_readl(addr); rmb(); return v; }
static inline u64 readq(const volatile void __iomem *addr) { u64 v = __raw_readq(addr); rmb(); return v; }
static inline void writeb(u8 v, volatile void __iomem *addr) { wmb(); __raw_writeb(v, addr); }
static inline void writew(u16 v, volatile void __iomem *addr) { wmb(); __raw_writew(v, addr); }
static inline void writel(u32 v, volatile void __iomem *addr) { wmb(); __raw_writel(v, addr); }
static inline void writeq(u64 v, volatile void __iomem *addr) { wmb(); __raw_writeq(v, addr); }
#define readb_relaxed(addr) __raw_readb(addr)
#define readw_relaxed(addr) __raw_readw(addr)
#define readl_relaxed(addr) __raw_readl(addr)
#define writeb_relaxed(v, addr) __raw_writeb((v), (addr))
#define writew_relaxed(v, addr) __raw_writew((v), (addr))
#define writel_relaxed(v, addr) __raw_writel((v), (addr))

#define ioread8(addr) readb(addr)
#define ioread16(addr) readw(addr)
#define ioread32(addr) readl(addr)
#define iowrite8(v, addr) writeb((v), (addr))
#define iowrite16(v, addr) writew((v), (addr))
#define iowrite32(v, addr) writel((v), (addr))

#define memset_io(addr, value, count) memset((void *)(addr), (value), (count))
#define memcpy_fromio(dst, src, count) memcpy((dst), (const void *)(src), (count))
#define memcpy_toio(dst, src, count) memcpy((void *)(dst), (src), (count))

/* kernel/resource.c: MMIO mappings of the model machine's (empty) physical address space */
void __iomem *ioremap(phys_addr_t offset, size_t size);
void iounmap(volatile void __iomem *addr);
#define ioremap_nocache(offset, size) ioremap((offset), (size))
#define ioremap_wc(offset, size) ioremap((offset), (size))
#define ioremap_uc(offset, size) ioremap((offset), (size))
void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *addr);

#endif
