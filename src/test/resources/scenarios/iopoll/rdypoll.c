/*
 * rdypoll: a device whose STATUS register gets its READY bit some time after a reset (here
 * its controller is a timer that sets it 20 ms after the reset), and an ioctl that resets it
 * and polls for READY with readl_poll_timeout() (<linux/iopoll.h>):
 *   cmd 0: READY comes in time (a 50 ms timeout): the poll returns 0 with the status read;
 *   cmd 1: the reset is not started, READY never comes: -ETIMEDOUT once the 5 ms timeout has
 *          passed (the model's usleep_range() sleeps on the jiffies wheel, so each wait between
 *          reads is at least a tick: the poll gives up after 20 ms);
 *   cmd 2 (-DUNDER_LOCK): the poll runs under the device's spinlock; readl_poll_timeout()
 *          sleeps between reads, "BUG: sleeping function called from invalid context".
 *          -DFIXED uses readl_poll_timeout_atomic(), which busy-waits with udelay().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/iopoll.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>

#define RDY_BASE 0xfed01000UL
#define RDY_SIZE 0x10
#define RDY_STATUS 0x0
#define RDY_READY 0x1

static void __iomem *regs;
static struct timer_list ctrl_timer;
static DEFINE_SPINLOCK(rdy_lock);

/* the device's controller: READY 20 ms after a reset */
static void rdy_controller(struct timer_list *t)
{
	writel(RDY_READY, regs + RDY_STATUS);
}

static int rdy_wait(unsigned long timeout_us)
{
	u32 status;
	int ret;

#if defined(UNDER_LOCK) && defined(FIXED)
	ret = readl_poll_timeout_atomic(regs + RDY_STATUS, status, status & RDY_READY, 10, timeout_us);
#else
	ret = readl_poll_timeout(regs + RDY_STATUS, status, status & RDY_READY, 100, timeout_us);
#endif
	pr_info("rdypoll: poll returned %d, status %#x\n", ret, status);
	return ret;
}

static long rdypoll_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	int ret;

	writel(0, regs + RDY_STATUS);
	if (cmd != 1)
		mod_timer(&ctrl_timer, jiffies + msecs_to_jiffies(cmd == 2 ? 0 : 20));
	if (cmd == 2) {
		spin_lock(&rdy_lock);
		ret = rdy_wait(50000);
		spin_unlock(&rdy_lock);
		return ret;
	}
	return rdy_wait(cmd == 1 ? 5000 : 50000);
}

static const struct file_operations rdypoll_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = rdypoll_ioctl,
};

static struct miscdevice rdypoll_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "rdypoll",
	.fops = &rdypoll_fops,
};

static int __init rdypoll_init(void)
{
	if (!request_mem_region(RDY_BASE, RDY_SIZE, "rdypoll"))
		return -EBUSY;
	regs = ioremap(RDY_BASE, RDY_SIZE);
	if (!regs) {
		release_mem_region(RDY_BASE, RDY_SIZE);
		return -ENOMEM;
	}
	timer_setup(&ctrl_timer, rdy_controller, 0);
	return misc_register(&rdypoll_dev);
}

static void __exit rdypoll_exit(void)
{
	misc_deregister(&rdypoll_dev);
	del_timer_sync(&ctrl_timer);
	iounmap(regs);
	release_mem_region(RDY_BASE, RDY_SIZE);
}

MODULE_LICENSE("GPL");
module_init(rdypoll_init);
module_exit(rdypoll_exit);
