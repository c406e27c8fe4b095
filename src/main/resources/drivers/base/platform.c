/*
 * spinlab's model of drivers/base/platform.c and the driver core's binding
 * (drivers/base/dd.c: really_probe, device_release_driver): platform devices and drivers.
 *
 * A device and a driver match when one of the driver's id_table names, else the driver's
 * name, equals the device's name (platform_match; no device tree in the model). Binding sets
 * dev->driver and calls the driver's probe; a probe that fails leaves the device unbound, its
 * devm_* resources released, and, unless it said -ENODEV or -ENXIO, the driver core's error.
 * Unbinding calls remove (or remove_new), releases the devm_* resources and clears drvdata.
 * A device's sysfs directory is /sys/devices/platform/NAME (made with its first attribute).
 */
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/io.h>
#include <linux/mutex.h>

const struct bus_type platform_bus_type = { .name = "platform" };

static LIST_HEAD(platform_devices);
static LIST_HEAD(platform_drivers);
static DEFINE_MUTEX(platform_lock);
static int platform_auto_id;

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
                                                          struct platform_device *pdev)
{
    while (id->name[0]) {
        if (strcmp(pdev->name, id->name) == 0) {
            pdev->id_entry = id;
            return id;
        }
        id++;
    }
    return NULL;
}

static int platform_match(struct platform_device *pdev, struct platform_driver *pdrv)
{
    if (pdrv->id_table)
        return platform_match_id(pdrv->id_table, pdev) != NULL;
    return strcmp(pdev->name, pdrv->driver.name) == 0;
}

/* really_probe: bind, probe, undo on failure */
static void platform_bind(struct platform_device *pdev, struct platform_driver *pdrv)
{
    struct device *dev = &pdev->dev;
    int ret;

    dev->driver = &pdrv->driver;
    if (pdrv->driver.dev_groups && device_add_groups(dev, pdrv->driver.dev_groups)) {
        dev->driver = NULL;
        return;
    }
    ret = pdrv->probe ? pdrv->probe(pdev) : 0;
    if (ret) {
        if (pdrv->driver.dev_groups)
            device_remove_groups(dev, pdrv->driver.dev_groups);
        devres_release_all(dev);
        dev->driver = NULL;
        dev_set_drvdata(dev, NULL);
        if (ret != -ENODEV && ret != -ENXIO && ret != -EPROBE_DEFER)
            dev_err(dev, "probe with driver %s failed with error %d\n", pdrv->driver.name, ret);
    }
}

/* device_release_driver: remove, then the managed resources */
static void platform_unbind(struct platform_device *pdev)
{
    struct device *dev = &pdev->dev;
    struct platform_driver *pdrv;

    if (!dev->driver)
        return;
    pdrv = to_platform_driver(dev->driver);
    if (pdrv->remove_new)
        pdrv->remove_new(pdev);
    else if (pdrv->remove)
        pdrv->remove(pdev);
    if (pdrv->driver.dev_groups)
        device_remove_groups(dev, pdrv->driver.dev_groups);
    devres_release_all(dev);
    dev->driver = NULL;
    dev_set_drvdata(dev, NULL);
}

static void platform_device_set_name(struct platform_device *pdev)
{
    struct device *dev = &pdev->dev;

    if (pdev->id == PLATFORM_DEVID_NONE)
        scnprintf(dev->__spinlab_name, sizeof(dev->__spinlab_name), "%s", pdev->name);
    else if (pdev->id == PLATFORM_DEVID_AUTO)
        scnprintf(dev->__spinlab_name, sizeof(dev->__spinlab_name), "%s.%d.auto", pdev->name,
                  platform_auto_id++);
    else
        scnprintf(dev->__spinlab_name, sizeof(dev->__spinlab_name), "%s.%d", pdev->name, pdev->id);
}

int platform_device_add(struct platform_device *pdev)
{
    struct list_head *pos;

    if (!pdev)
        return -EINVAL;
    pdev->dev.bus = &platform_bus_type;
    platform_device_set_name(pdev);
    mutex_lock(&platform_lock);
    for (pos = platform_devices.next; pos != &platform_devices; pos = pos->next) {
        struct platform_device *o = list_entry(pos, struct platform_device, __spinlab_node);

        if (strcmp(dev_name(&o->dev), dev_name(&pdev->dev)) == 0) {
            mutex_unlock(&platform_lock);
            pr_err("sysfs: cannot create duplicate filename '/devices/platform/%s'\n", dev_name(&pdev->dev));
            return -EEXIST;
        }
    }
    list_add_tail(&pdev->__spinlab_node, &platform_devices);
    if (!pdev->__spinlab_refs)
        pdev->__spinlab_refs = 1;
    /* bus_probe_device: the first registered driver that matches */
    for (pos = platform_drivers.next; pos != &platform_drivers; pos = pos->next) {
        struct platform_driver *pdrv = list_entry(pos, struct platform_driver, __spinlab_node);

        if (platform_match(pdev, pdrv)) {
            platform_bind(pdev, pdrv);
            if (pdev->dev.driver)
                break;
        }
    }
    mutex_unlock(&platform_lock);
    return 0;
}

void platform_device_del(struct platform_device *pdev)
{
    if (IS_ERR_OR_NULL(pdev))
        return;
    mutex_lock(&platform_lock);
    platform_unbind(pdev);
    list_del_init(&pdev->__spinlab_node);
    mutex_unlock(&platform_lock);
    kobject_del(&pdev->dev.kobj);
}

/* The last reference: device_release, which wants a release function for a device it did not allocate. */
void platform_device_put(struct platform_device *pdev)
{
    if (IS_ERR_OR_NULL(pdev))
        return;
    if (--pdev->__spinlab_refs > 0)
        return;
    devres_release_all(&pdev->dev);
    if (pdev->__spinlab_dynamic) {
        kfree(pdev->dev.platform_data);
        kfree(pdev->resource);
        kfree(pdev);
    } else if (pdev->dev.release) {
        pdev->dev.release(&pdev->dev);
    } else {
        WARN(1, KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed. See Documentation/core-api/kobject.rst.\n",
             dev_name(&pdev->dev));
    }
}

int platform_device_register(struct platform_device *pdev)
{
    pdev->__spinlab_refs = 1;
    return platform_device_add(pdev);
}

void platform_device_unregister(struct platform_device *pdev)
{
    platform_device_del(pdev);
    platform_device_put(pdev);
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
    struct platform_device *pdev = kzalloc(sizeof(*pdev) + strlen(name) + 1, GFP_KERNEL);
    char *copy;

    if (!pdev)
        return NULL;
    copy = (char *)(pdev + 1);
    strcpy(copy, name);
    pdev->name = copy;
    pdev->id = id;
    pdev->__spinlab_dynamic = 1;
    pdev->__spinlab_refs = 1;
    INIT_LIST_HEAD(&pdev->__spinlab_node);
    return pdev;
}

int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num)
{
    struct resource *r = NULL;

    if (res && num) {
        r = kmemdup(res, sizeof(*res) * num, GFP_KERNEL);
        if (!r)
            return -ENOMEM;
    }
    kfree(pdev->resource);
    pdev->resource = r;
    pdev->num_resources = num;
    return 0;
}

int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size)
{
    void *d = NULL;

    if (data) {
        d = kmemdup(data, size, GFP_KERNEL);
        if (!d)
            return -ENOMEM;
    }
    kfree(pdev->dev.platform_data);
    pdev->dev.platform_data = d;
    return 0;
}

struct platform_device *platform_device_register_resndata(struct device *parent, const char *name, int id,
                                                          const struct resource *res, unsigned int num,
                                                          const void *data, size_t size)
{
    struct platform_device *pdev = platform_device_alloc(name, id);
    int ret;

    if (!pdev)
        return ERR_PTR(-ENOMEM);
    pdev->dev.parent = parent;
    ret = platform_device_add_resources(pdev, res, num);
    if (!ret)
        ret = platform_device_add_data(pdev, data, size);
    if (!ret)
        ret = platform_device_add(pdev);
    if (ret) {
        platform_device_put(pdev);
        return ERR_PTR(ret);
    }
    return pdev;
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
    struct list_head *pos;

    drv->driver.owner = owner;
    drv->driver.bus = &platform_bus_type;
    mutex_lock(&platform_lock);
    list_add_tail(&drv->__spinlab_node, &platform_drivers);
    /* driver_attach: every unbound device that matches */
    for (pos = platform_devices.next; pos != &platform_devices; pos = pos->next) {
        struct platform_device *pdev = list_entry(pos, struct platform_device, __spinlab_node);

        if (!pdev->dev.driver && platform_match(pdev, drv))
            platform_bind(pdev, drv);
    }
    mutex_unlock(&platform_lock);
    return 0;
}

void platform_driver_unregister(struct platform_driver *drv)
{
    struct list_head *pos;

    mutex_lock(&platform_lock);
    for (pos = platform_devices.next; pos != &platform_devices; pos = pos->next) {
        struct platform_device *pdev = list_entry(pos, struct platform_device, __spinlab_node);

        if (pdev->dev.driver == &drv->driver)
            platform_unbind(pdev);
    }
    list_del_init(&drv->__spinlab_node);
    mutex_unlock(&platform_lock);
}

struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num)
{
    u32 i;

    for (i = 0; i < pdev->num_resources; i++) {
        struct resource *r = &pdev->resource[i];

        if ((r->flags & IORESOURCE_TYPE_BITS) == type && num-- == 0)
            return r;
    }
    return NULL;
}

struct resource *platform_get_resource_byname(struct platform_device *pdev, unsigned int type, const char *name)
{
    u32 i;

    for (i = 0; i < pdev->num_resources; i++) {
        struct resource *r = &pdev->resource[i];

        if ((r->flags & IORESOURCE_TYPE_BITS) == type && r->name && strcmp(r->name, name) == 0)
            return r;
    }
    return NULL;
}

int platform_get_irq_optional(struct platform_device *pdev, unsigned int num)
{
    struct resource *r = platform_get_resource(pdev, IORESOURCE_IRQ, num);

    return r ? (int)r->start : -ENXIO;
}

int platform_get_irq(struct platform_device *pdev, unsigned int num)
{
    int ret = platform_get_irq_optional(pdev, num);

    if (ret < 0)
        dev_err(&pdev->dev, "error %pe: IRQ index %u not found\n", ERR_PTR(ret), num);
    return ret;
}

/* devm_ioremap_resource: claim the memory range and map it, both undone at unbind */
struct devm_iomap {
    resource_size_t start;
    resource_size_t size;
    void __iomem *addr;
};

static void devm_iomap_release(struct device *dev, void *res)
{
    struct devm_iomap *m = res;

    iounmap(m->addr);
    release_mem_region(m->start, m->size);
    kfree(m);
}

int __spinlab_devres_add(struct device *dev, void (*release)(struct device *dev, void *res), void *res);

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
    struct devm_iomap *m;
    resource_size_t size;

    if (!res || (res->flags & IORESOURCE_TYPE_BITS) != IORESOURCE_MEM) {
        if (res)
            dev_err(dev, "invalid resource [%#llx-%#llx]\n", (unsigned long long)res->start,
                    (unsigned long long)res->end);
        else
            dev_err(dev, "invalid resource (null)\n");
        return IOMEM_ERR_PTR(-EINVAL);
    }
    size = resource_size(res);
    if (!request_mem_region(res->start, size, res->name ? res->name : dev_name(dev))) {
        dev_err(dev, "can't request region for resource [mem %#010llx-%#010llx]\n",
                (unsigned long long)res->start, (unsigned long long)res->end);
        return IOMEM_ERR_PTR(-EBUSY);
    }
    m = kzalloc(sizeof(*m), GFP_KERNEL);
    if (!m) {
        release_mem_region(res->start, size);
        return IOMEM_ERR_PTR(-ENOMEM);
    }
    m->start = res->start;
    m->size = size;
    m->addr = ioremap(res->start, size);
    if (!m->addr || __spinlab_devres_add(dev, devm_iomap_release, m)) {
        release_mem_region(res->start, size);
        kfree(m);
        return IOMEM_ERR_PTR(-ENOMEM);
    }
    return m->addr;
}

void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index)
{
    return devm_ioremap_resource(&pdev->dev, platform_get_resource(pdev, IORESOURCE_MEM, index));
}

/* the resource too (drivers/base/platform.c): *res is the MEM resource index, even when the map fails */
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
                                                    struct resource **res)
{
    struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, index);

    if (res)
        *res = r;
    return devm_ioremap_resource(&pdev->dev, r);
}
