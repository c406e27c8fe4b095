/*
 * /dev/gate: read() waits until the gate opens (a completion), write() opens it once for one
 * waiter; a timer opens it once more a few seconds after load.
 */
#include <linux/cdev.h>
#include <linux/device/class.h>
#include <linux/fs.h>
#include <linux/timer.h>

static dev_t gate_dev;
static struct class *gate_class;
static struct cdev gate_cdev;
static struct timer_list gate_timer;

static DECLARE_COMPLETION(gate_open);

static void gate_timeout(struct timer_list *t)
{
	pr_info("gate: timer opens the gate (pinned: %d)\n", !!(t->flags & TIMER_PINNED));
	complete(&gate_open);
}

static ssize_t gate_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	pr_info("gate: %s waits\n", current->comm);
	wait_for_completion(&gate_open);
	pr_info("gate: %s passes\n", current->comm);
	return 0;
}

static ssize_t gate_write(struct file *filp, const char __user *buf, size_t count, loff_t *pos)
{
	pr_info("gate: %s opens the gate\n", current->comm);
	complete(&gate_open);
	return count;
}

static const struct file_operations gate_fops = {
	.owner = THIS_MODULE,
	.read = gate_read,
	.write = gate_write,
};

static int __init gate_init(void)
{
	int res = alloc_chrdev_region(&gate_dev, 0, 1, "gate");

	if (res < 0)
		return res;
	gate_class = class_create("gate");
	if (IS_ERR(gate_class)) {
		unregister_chrdev_region(gate_dev, 1);
		return PTR_ERR(gate_class);
	}
	device_create(gate_class, NULL, gate_dev, NULL, "gate");
	cdev_init(&gate_cdev, &gate_fops);
	res = cdev_add(&gate_cdev, gate_dev, 1);
	if (res) {
		device_destroy(gate_class, gate_dev);
		class_destroy(gate_class);
		unregister_chrdev_region(gate_dev, 1);
		return res;
	}
	timer_setup(&gate_timer, gate_timeout, TIMER_INIT_FLAGS & TIMER_PINNED);
	mod_timer(&gate_timer, jiffies + 3 * HZ);
	pr_info("gate: major %d\n", MAJOR(gate_dev));
	return 0;
}

static void __exit gate_exit(void)
{
	timer_shutdown_sync(&gate_timer);
	cdev_del(&gate_cdev);
	device_destroy(gate_class, gate_dev);
	class_destroy(gate_class);
	unregister_chrdev_region(gate_dev, 1);
}

module_init(gate_init);
module_exit(gate_exit);
MODULE_LICENSE("GPL");
