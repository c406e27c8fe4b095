/*
 * A write that one CPU makes only after another CPU lets it (PersistentSetTest): "reader"
 * reads `shared` in a loop; "relay" polls `go` and, once it is set, writes `shared`; "starter"
 * reads `idle` a while (work that touches nothing the others touch), then sets `go`. With
 * the other CPUs frozen, relay's future only reads `go` and starter's never touches `shared`,
 * so each alone commutes with the reader's next step; together they do not.
 */
#include <linux/module.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/compiler.h>
#include <asm/processor.h>

static int shared, go, idle;

static long relay_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int i, sum = 0;

	switch (cmd) {
	case 1:
		for (i = 0; i < 200; i++)
			sum += READ_ONCE(shared);
		return sum;
	case 2:
		while (!READ_ONCE(go))
			cpu_relax();
		WRITE_ONCE(shared, 1);
		return 0;
	case 3:
		for (i = 0; i < 40; i++)
			sum += READ_ONCE(idle);
		WRITE_ONCE(go, 1);
		return sum;
	}
	return -ENOTTY;
}

static const struct file_operations relay_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = relay_ioctl,
};

static struct miscdevice relay_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "relay",
	.fops = &relay_fops,
};

static int __init relay_init(void)
{
	return misc_register(&relay_dev);
}

MODULE_LICENSE("GPL");
module_init(relay_init);
