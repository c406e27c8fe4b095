/*
 * spinlab's model of kernel/irq/devres.c: devm_request_irq(), an interrupt handler freed with
 * free_irq() when the driver is unbound (drivers/base/devres.c).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>
#include <linux/device.h>
#include <linux/slab.h>

struct irq_devres {
    unsigned int irq;
    void *dev_id;
};

int __spinlab_devres_add(struct device *dev, void (*release)(struct device *dev, void *res), void *res);

static void devm_irq_release(struct device *dev, void *res)
{
    struct irq_devres *d = res;

    free_irq(d->irq, d->dev_id);
    kfree(d);
}

int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler, unsigned long irqflags,
                     const char *devname, void *dev_id)
{
    return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags, devname, dev_id);
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
                              irq_handler_t thread_fn, unsigned long irqflags, const char *devname,
                              void *dev_id)
{
    struct irq_devres *d = kzalloc(sizeof(*d), GFP_KERNEL);
    int rc;

    if (!d)
        return -ENOMEM;
    rc = request_threaded_irq(irq, handler, thread_fn, irqflags, devname ? devname : dev_name(dev), dev_id);
    if (rc) {
        kfree(d);
        return rc;
    }
    d->irq = irq;
    d->dev_id = dev_id;
    if (__spinlab_devres_add(dev, devm_irq_release, d)) {
        free_irq(irq, dev_id);
        kfree(d);
        return -ENOMEM;
    }
    return 0;
}
