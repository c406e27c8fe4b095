/*
 * Two toy generators on one platform device: "twin-fast" fills whole buffers from a counter
 * mixed with a constant (read()), "twin-slow" gives one 32-bit word at a time (data_read())
 * and has a word ready only every other time it is asked (data_present()). An ioctl-free
 * control: writing to /proc/twinrng "drop" unregisters the fast one.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/hw_random.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/string.h>

static u32 fast_state = 1, slow_state = 7;
static int slow_toggle;

static int fast_init(struct hwrng *rng)
{
	pr_info("twinrng: %s init\n", rng->name);
	return 0;
}

static void fast_cleanup(struct hwrng *rng)
{
	pr_info("twinrng: %s cleanup\n", rng->name);
}

static int fast_read(struct hwrng *rng, void *data, size_t max, bool wait)
{
	u32 *words = data;
	size_t i;

	for (i = 0; i + 4 <= max; i += 4) {
		fast_state = fast_state * 1103515245u + 12345u;
		*words++ = fast_state;
	}
	return i;
}

static int slow_present(struct hwrng *rng, int wait)
{
	slow_toggle = !slow_toggle;
	return wait || slow_toggle;
}

static int slow_data_read(struct hwrng *rng, u32 *data)
{
	slow_state += 0x01010101;
	*data = slow_state;
	return 4;
}

static struct hwrng fast_rng = {
	.name = "twin-fast",
	.init = fast_init,
	.cleanup = fast_cleanup,
	.read = fast_read,
	.quality = 700,
};

static struct hwrng slow_rng = {
	.name = "twin-slow",
	.data_present = slow_present,
	.data_read = slow_data_read,
	.quality = 100,
};

static int fast_registered;

static ssize_t ctl_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	char cmd[8] = "";

	if (copy_from_user(cmd, buf, min(count, sizeof(cmd) - 1)))
		return -EFAULT;
	if (sysfs_streq(cmd, "drop") && fast_registered) {
		hwrng_unregister(&fast_rng);
		fast_registered = 0;
		pr_info("twinrng: twin-fast unregistered\n");
	}
	return count;
}

static const struct proc_ops ctl_ops = {
	.proc_write = ctl_write,
};

static int twin_probe(struct platform_device *pdev)
{
	int err = hwrng_register(&fast_rng);

	if (err)
		return err;
	fast_registered = 1;
	err = devm_hwrng_register(&pdev->dev, &slow_rng);
	if (err) {
		hwrng_unregister(&fast_rng);
		fast_registered = 0;
		return err;
	}
	pr_info("twinrng: registering twin-fast again: %d\n", hwrng_register(&fast_rng));
	return 0;
}

static void twin_remove(struct platform_device *pdev)
{
	if (fast_registered)
		hwrng_unregister(&fast_rng);
}

static struct platform_driver twin_driver = {
	.driver = { .name = "twinrng" },
	.probe = twin_probe,
	.remove_new = twin_remove,
};

static struct platform_device *twin_dev;

static int __init twin_init(void)
{
	int err = platform_driver_register(&twin_driver);

	if (err)
		return err;
	twin_dev = platform_device_register_simple("twinrng", -1, NULL, 0);
	if (IS_ERR(twin_dev)) {
		platform_driver_unregister(&twin_driver);
		return PTR_ERR(twin_dev);
	}
	proc_create("twinrng", 0200, NULL, &ctl_ops);
	return 0;
}

static void __exit twin_exit(void)
{
	remove_proc_entry("twinrng", NULL);
	platform_device_unregister(twin_dev);
	platform_driver_unregister(&twin_driver);
}

module_init(twin_init);
module_exit(twin_exit);
MODULE_LICENSE("GPL");
