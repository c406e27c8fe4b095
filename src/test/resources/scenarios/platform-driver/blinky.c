/*
 * blinky: a platform driver with the devices it drives, as the tutorials' device-model
 * examples register both from one module.
 *   - blinky.0 is registered with platform_device_register_simple() and two resources: a
 *     register window (IORESOURCE_MEM) and an interrupt line; its probe allocates its state
 *     with devm_kzalloc(), maps the registers with devm_platform_ioremap_resource(), takes
 *     the interrupt with devm_request_irq() and counts interrupts in a device attribute
 *     (the driver's dev_groups, in /sys/devices/platform/blinky.0/);
 *   - blinky-lite is a static platform_device (with its release function) matched through
 *     the driver's id_table; it has no interrupt, so its probe fails with -ENXIO after
 *     platform_get_irq()'s error, and the driver core leaves it unbound;
 *   - a suspend/resume pair in dev_pm_ops (kept, never called: the model does not suspend).
 * Unloading unregisters the driver (remove, then the managed resources go) and the devices.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/platform_device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/of.h>
#include <linux/pm.h>
#include <linux/slab.h>

#define BLINKY_REGS 0xfe200000
#define BLINKY_IRQ 9

struct blinky {
	void __iomem *regs;
	int irq;
	unsigned int irqs;
};

static irqreturn_t blinky_irq(int irq, void *data)
{
	struct blinky *b = data;

	b->irqs++;
	writel(b->irqs, b->regs + 4);
	return IRQ_HANDLED;
}

static ssize_t irqs_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct blinky *b = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u (reg %u)\n", b->irqs, readl(b->regs + 4));
}
static DEVICE_ATTR_RO(irqs);

static struct attribute *blinky_attrs[] = {
	&dev_attr_irqs.attr,
	NULL,
};
ATTRIBUTE_GROUPS(blinky);

static int blinky_probe(struct platform_device *pdev)
{
	struct blinky *b;
	int ret;

	dev_info(&pdev->dev, "probing (id entry %s, variant %lu)\n",
		 pdev->id_entry ? pdev->id_entry->name : "none",
		 pdev->id_entry ? pdev->id_entry->driver_data : 0);
	b = devm_kzalloc(&pdev->dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	b->irq = platform_get_irq(pdev, 0);
	if (b->irq < 0)
		return b->irq;
	b->regs = devm_platform_ioremap_resource(pdev, 0);
	if (IS_ERR(b->regs))
		return PTR_ERR(b->regs);
	ret = devm_request_irq(&pdev->dev, b->irq, blinky_irq, 0, dev_name(&pdev->dev), b);
	if (ret)
		return ret;
	writel(0x1, b->regs);
	platform_set_drvdata(pdev, b);
	dev_info(&pdev->dev, "ready: irq %d, control 0x%x\n", b->irq, readl(b->regs));
	return 0;
}

static void blinky_remove(struct platform_device *pdev)
{
	struct blinky *b = platform_get_drvdata(pdev);

	writel(0x0, b->regs);
	dev_info(&pdev->dev, "removed after %u interrupts\n", b->irqs);
}

static int blinky_suspend(struct device *dev)
{
	return 0;
}

static int blinky_resume(struct device *dev)
{
	return 0;
}

static DEFINE_SIMPLE_DEV_PM_OPS(blinky_pm, blinky_suspend, blinky_resume);

static const struct platform_device_id blinky_ids[] = {
	{ .name = "blinky", .driver_data = 1 },
	{ .name = "blinky-lite", .driver_data = 2 },
	{ }
};
MODULE_DEVICE_TABLE(platform, blinky_ids);

static const struct of_device_id blinky_of_ids[] = {
	{ .compatible = "spinlab,blinky" },
	{ }
};
MODULE_DEVICE_TABLE(of, blinky_of_ids);

static struct platform_driver blinky_driver = {
	.probe = blinky_probe,
	.remove_new = blinky_remove,
	.id_table = blinky_ids,
	.driver = {
		.name = "blinky",
		.of_match_table = of_match_ptr(blinky_of_ids),
		.pm = pm_sleep_ptr(&blinky_pm),
		.dev_groups = blinky_groups,
	},
};

static const struct resource blinky_res[] = {
	DEFINE_RES_MEM(BLINKY_REGS, 0x100),
	DEFINE_RES_IRQ(BLINKY_IRQ),
};

static struct platform_device *blinky_pdev;

static void lite_release(struct device *dev)
{
	pr_info("blinky: %s released\n", dev_name(dev));
}

static struct platform_device lite_pdev = {
	.name = "blinky-lite",
	.id = PLATFORM_DEVID_NONE,
	.dev = {
		.release = lite_release,
	},
};

static int __init blinky_init(void)
{
	int ret = platform_driver_register(&blinky_driver);

	if (ret)
		return ret;
	blinky_pdev = platform_device_register_simple("blinky", 0, blinky_res, ARRAY_SIZE(blinky_res));
	if (IS_ERR(blinky_pdev)) {
		platform_driver_unregister(&blinky_driver);
		return PTR_ERR(blinky_pdev);
	}
	ret = platform_device_register(&lite_pdev);
	if (ret) {
		platform_device_unregister(blinky_pdev);
		platform_driver_unregister(&blinky_driver);
		return ret;
	}
	pr_info("blinky: %s is %s, %s is %s\n", dev_name(&blinky_pdev->dev),
		blinky_pdev->dev.driver ? "bound" : "unbound", dev_name(&lite_pdev.dev),
		lite_pdev.dev.driver ? "bound" : "unbound");
	return 0;
}

static void __exit blinky_exit(void)
{
	platform_driver_unregister(&blinky_driver);
	platform_device_unregister(&lite_pdev);
	platform_device_unregister(blinky_pdev);
}

module_init(blinky_init);
module_exit(blinky_exit);
MODULE_LICENSE("GPL");
