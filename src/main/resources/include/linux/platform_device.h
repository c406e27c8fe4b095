/*
 * spinlab's model of <linux/platform_device.h> (drivers/base/platform.c): the platform bus,
 * the one bus the model has. A driver binds to a device of the same name (or one of its
 * id_table's names; there is no device tree); binding calls its probe, unbinding (device or
 * driver unregistered) its remove and then releases its devm_* resources. The devices are
 * what the module itself registers (platform_device_register*), as the tutorials do.
 */
#ifndef _SPINLAB_LINUX_PLATFORM_DEVICE_H
#define _SPINLAB_LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/ioport.h>
#include <linux/err.h>
#include <linux/module.h>

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)

struct platform_device {
    const char *name;
    int id;
    bool id_auto;
    struct device dev;
    u32 num_resources;
    struct resource *resource;
    const struct platform_device_id *id_entry;
    struct list_head __spinlab_node;   /* on the bus's device list */
    int __spinlab_dynamic;             /* made by platform_device_alloc: freed at the last put */
    int __spinlab_refs;
};

struct platform_driver {
    int (*probe)(struct platform_device *pdev);
    int (*remove)(struct platform_device *pdev);
    void (*remove_new)(struct platform_device *pdev);
    void (*shutdown)(struct platform_device *pdev);
    int (*suspend)(struct platform_device *pdev, int state);
    int (*resume)(struct platform_device *pdev);
    struct device_driver driver;
    const struct platform_device_id *id_table;
    bool prevent_deferred_probe;
    struct list_head __spinlab_node;   /* on the bus's driver list */
};

extern const struct bus_type platform_bus_type;

#define to_platform_device(x) container_of((x), struct platform_device, dev)
#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)

int platform_device_register(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num);
int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
struct platform_device *platform_device_register_resndata(struct device *parent, const char *name, int id,
                                                          const struct resource *res, unsigned int num,
                                                          const void *data, size_t size);
#define platform_device_register_simple(name, id, res, num) \
    platform_device_register_resndata(NULL, (name), (id), (res), (num), NULL, 0)
#define platform_device_register_data(parent, name, id, data, size) \
    platform_device_register_resndata((parent), (name), (id), NULL, 0, (data), (size))

int __platform_driver_register(struct platform_driver *drv, struct module *owner);
void platform_driver_unregister(struct platform_driver *drv);
#define platform_driver_register(drv) __platform_driver_register((drv), THIS_MODULE)

struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type, unsigned int num);
struct resource *platform_get_resource_byname(struct platform_device *pdev, unsigned int type, const char *name);
int platform_get_irq(struct platform_device *pdev, unsigned int num);
int platform_get_irq_optional(struct platform_device *pdev, unsigned int num);
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
                                                    struct resource **res);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
    return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
    dev_set_drvdata(&pdev->dev, data);
}

/* module_platform_driver(): module_init/module_exit that register and unregister the driver */
#define module_platform_driver(__platform_driver) \
    static int __init __platform_driver##_init(void) { return platform_driver_register(&(__platform_driver)); } \
    module_init(__platform_driver##_init); \
    static void __exit __platform_driver##_exit(void) { platform_driver_unregister(&(__platform_driver)); } \
    module_exit(__platform_driver##_exit)

#endif
