/*
 * A watchdog card on the ISA bus: eight ports at io=, an interrupt line at irq=. Writing the
 * timeout to the counter port (low byte, then high) arms it; the card raises its interrupt
 * when something on the board needs attention, and the handler reads the status port. The
 * ports are one register file, so every access sequence holds card_lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/ioport.h>
#include <linux/io.h>
#include <linux/miscdevice.h>
#include <linux/watchdog.h>
#include <linux/notifier.h>
#include <linux/reboot.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

#define CARD_COUNT	(io + 0)	/* counter, low byte then high byte */
#define CARD_CTRL	(io + 3)	/* 1: run, 0: stop */
#define CARD_STATUS	(io + 4)
#define CARD_NR_PORTS	8

static int io = 0x240;
module_param_hw(io, int, ioport, 0);
static int irq = 11;
module_param_hw(irq, int, irq, 0);

static DEFINE_SPINLOCK(card_lock);
static int timeout_ticks = 6000;
static unsigned long card_open;
static unsigned int alerts;

static void card_load(int ticks)
{
	outb_p(ticks & 0xff, CARD_COUNT);
	outb_p(ticks >> 8, CARD_COUNT);
}

static void card_ping(void)
{
	unsigned long flags;

#ifdef PLAIN_LOCK
	spin_lock(&card_lock);		/* wrong: the card's handler takes it on this CPU */
#else
	spin_lock_irqsave(&card_lock, flags);
#endif
	outb_p(0, CARD_CTRL);
	card_load(timeout_ticks);
	outb_p(1, CARD_CTRL);
	outb_p(inb_p(CARD_STATUS) | 0x80, CARD_STATUS);	/* "pinged" bit in the latch */
#ifdef PLAIN_LOCK
	spin_unlock(&card_lock);
#else
	spin_unlock_irqrestore(&card_lock, flags);
#endif
}

static void card_stop(void)
{
	unsigned long flags;

	spin_lock_irqsave(&card_lock, flags);
	outb_p(0, CARD_CTRL);
	card_load(0);
	spin_unlock_irqrestore(&card_lock, flags);
}

static irqreturn_t card_interrupt(int line, void *dev_id)
{
	unsigned char status;

	spin_lock(&card_lock);
	status = inb_p(CARD_STATUS);
	alerts++;
	spin_unlock(&card_lock);
	pr_crit("card status %#x (alert %u)\n", status, alerts);
	return IRQ_HANDLED;
}

static ssize_t card_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	if (count)
		card_ping();
	return count;
}

static long card_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	unsigned long flags;
	int status;

	switch (cmd) {
	case WDIOC_GETSTATUS:
		spin_lock_irqsave(&card_lock, flags);
		status = inb_p(CARD_STATUS);
		spin_unlock_irqrestore(&card_lock, flags);
		return put_user(status, p);
	case WDIOC_KEEPALIVE:
		card_ping();
		return 0;
	default:
		return -ENOTTY;
	}
}

static int card_open_fn(struct inode *inode, struct file *file)
{
	if (test_and_set_bit(0, &card_open))
		return -EBUSY;
	card_ping();
	return stream_open(inode, file);
}

static int card_release(struct inode *inode, struct file *file)
{
	card_stop();
	clear_bit(0, &card_open);
	return 0;
}

static const struct file_operations card_fops = {
	.owner = THIS_MODULE,
	.llseek = no_llseek,
	.write = card_write,
	.unlocked_ioctl = card_ioctl,
	.open = card_open_fn,
	.release = card_release,
};

static struct miscdevice card_miscdev = {
	.minor = WATCHDOG_MINOR,
	.name = "watchdog",
	.fops = &card_fops,
};

static int card_notify_sys(struct notifier_block *nb, unsigned long code, void *unused)
{
	if (code == SYS_DOWN || code == SYS_HALT)
		card_stop();
	return NOTIFY_DONE;
}

static struct notifier_block card_notifier = {
	.notifier_call = card_notify_sys,
};

static int __init card_init(void)
{
	int ret;

	if (!request_region(io, CARD_NR_PORTS, "isawdt")) {
		pr_err("I/O address 0x%04x already in use\n", io);
		return -EBUSY;
	}
	ret = request_irq(irq, card_interrupt, 0, "isawdt", NULL);
	if (ret) {
		pr_err("IRQ %d is not free\n", irq);
		goto out_region;
	}
	ret = register_reboot_notifier(&card_notifier);
	if (ret)
		goto out_irq;
	ret = misc_register(&card_miscdev);
	if (ret)
		goto out_reboot;
	pr_info("card at 0x%04x, interrupt %d\n", io, irq);
	return 0;

out_reboot:
	unregister_reboot_notifier(&card_notifier);
out_irq:
	free_irq(irq, NULL);
out_region:
	release_region(io, CARD_NR_PORTS);
	return ret;
}

static void __exit card_exit(void)
{
	misc_deregister(&card_miscdev);
	unregister_reboot_notifier(&card_notifier);
	free_irq(irq, NULL);
	release_region(io, CARD_NR_PORTS);
	pr_info("%u alerts\n", alerts);
}

module_init(card_init);
module_exit(card_exit);
MODULE_LICENSE("GPL");
