/*
 * spinlab's model of drivers/base/devres.c: managed resources. Each is a node on the device's
 * devres list with a release function; devres_release_all() releases them newest first, which
 * the driver core does when the driver is unbound (after its remove) or the probe fails, and
 * when the device goes (device_destroy).
 */
#include <linux/kernel.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>

struct devres {
    struct list_head entry;
    void (*release)(struct device *dev, void *res);
    void (*action)(void *data);     /* devm_add_action's */
    void *data;
    unsigned long long payload[];  /* devm_kmalloc's memory, aligned as kmalloc's */
};

static void devres_list_init(struct device *dev)
{
    if (!dev->__spinlab_devres_ready) {
        INIT_LIST_HEAD(&dev->devres_head);
        dev->__spinlab_devres_ready = 1;
    }
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
    struct devres *dr;

    if (!dev)
        return NULL;
    dr = kmalloc(sizeof(*dr) + size, gfp);
    if (!dr)
        return NULL;
    memset(dr, 0, sizeof(*dr));
    devres_list_init(dev);
    list_add_tail(&dr->entry, &dev->devres_head);
    return dr->payload;
}

void devm_kfree(struct device *dev, const void *p)
{
    struct list_head *pos;

    if (!p || !dev->__spinlab_devres_ready)
        return;
    for (pos = dev->devres_head.next; pos != &dev->devres_head; pos = pos->next) {
        struct devres *dr = list_entry(pos, struct devres, entry);

        if ((void *)dr->payload == p) {
            list_del(&dr->entry);
            kfree(dr);
            return;
        }
    }
    WARN_ON(1);   /* not a managed allocation of this device, as the kernel warns */
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
    char *p;

    if (!s)
        return NULL;
    p = devm_kmalloc(dev, strlen(s) + 1, gfp);
    if (p)
        strcpy(p, s);
    return p;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
    struct devres *dr = kzalloc(sizeof(*dr), GFP_KERNEL);

    if (!dr)
        return -ENOMEM;
    dr->action = action;
    dr->data = data;
    devres_list_init(dev);
    list_add_tail(&dr->entry, &dev->devres_head);
    return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
    int ret = devm_add_action(dev, action, data);

    if (ret)
        action(data);
    return ret;
}

/* Managed resources of other kinds (irqs, mappings) release through this. */
int __spinlab_devres_add(struct device *dev, void (*release)(struct device *dev, void *res), void *res)
{
    struct devres *dr = kzalloc(sizeof(*dr), GFP_KERNEL);

    if (!dr)
        return -ENOMEM;
    dr->release = release;
    dr->data = res;
    devres_list_init(dev);
    list_add_tail(&dr->entry, &dev->devres_head);
    return 0;
}

void devres_release_all(struct device *dev)
{
    if (!dev->__spinlab_devres_ready)
        return;
    while (!list_empty(&dev->devres_head)) {
        struct devres *dr = list_entry(dev->devres_head.prev, struct devres, entry);

        list_del(&dr->entry);
        if (dr->action)
            dr->action(dr->data);
        else if (dr->release)
            dr->release(dev, dr->data);
        kfree(dr);
    }
}
