/*
 * shortio: port and memory-mapped I/O in the manner of LDD3's "short" driver, over the model
 * machine's I/O space (whose registers keep what was written). It claims eight ports at the
 * parallel-port base 0x378 with request_region() (a second claim of an overlapping range
 * fails, as in the kernel), writes and reads them with outb()/inb(), outw()/inw() and
 * ioport_map() + ioread8(), and maps a "device" register window with ioremap() and
 * writel()/readl(), with the barriers (wmb/rmb/mb) real drivers put between the accesses.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/errno.h>

#define SHORT_BASE 0x378
#define SHORT_NR_PORTS 8
#define MMIO_BASE 0xfed00000UL
#define MMIO_SIZE 0x100

static void __iomem *regs;
static void __iomem *ports;

static int __init shortio_init(void)
{
	struct resource *busy;
	int i;

	if (!request_region(SHORT_BASE, SHORT_NR_PORTS, "short")) {
		pr_info("short: can't get I/O port address 0x%x\n", SHORT_BASE);
		return -ENODEV;
	}
	busy = request_region(SHORT_BASE + 4, 8, "short-overlap");
	pr_info("short: overlapping request_region: %s\n", busy ? "granted (wrong)" : "refused");

	for (i = 0; i < 4; i++) {
		outb(0x10 + i, SHORT_BASE + i);
		wmb();
	}
	for (i = 0; i < 4; i++) {
		rmb();
		pr_info("short: port 0x%x reads 0x%02x\n", SHORT_BASE + i, inb(SHORT_BASE + i));
	}
	outw(0xbeef, SHORT_BASE + 4);
	pr_info("short: inw(0x%x) = 0x%04x, inb(0x%x) = 0x%02x (little-endian)\n", SHORT_BASE + 4,
		inw(SHORT_BASE + 4), SHORT_BASE + 5, inb(SHORT_BASE + 5));

	ports = ioport_map(SHORT_BASE, SHORT_NR_PORTS);
	pr_info("short: ioread8(ioport_map(0x%x) + 2) = 0x%02x\n", SHORT_BASE, ioread8(ports + 2));
	ioport_unmap(ports);

	if (!request_mem_region(MMIO_BASE, MMIO_SIZE, "short-mmio"))
		return -EBUSY;
	regs = ioremap(MMIO_BASE, MMIO_SIZE);
	if (!regs)
		return -ENOMEM;
	writel(0x12345678, regs + 0x10);
	iowrite16(0xabcd, regs + 0x20);
	mb();
	pr_info("short: mmio readl(+0x10) = 0x%08x, readb(+0x10) = 0x%02x, ioread16(+0x20) = 0x%04x\n",
		readl(regs + 0x10), readb(regs + 0x10), ioread16(regs + 0x20));
	iounmap(regs);
	release_mem_region(MMIO_BASE, MMIO_SIZE);
	release_region(SHORT_BASE, SHORT_NR_PORTS);
	busy = request_region(SHORT_BASE + 4, 8, "short-again");
	pr_info("short: after release_region, the overlapping claim is %s\n", busy ? "granted" : "refused");
	if (busy)
		release_region(SHORT_BASE + 4, 8);
	return 0;
}

module_init(shortio_init);
MODULE_LICENSE("GPL");
