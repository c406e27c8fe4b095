/* spinlab's model of <linux/device.h>: device classes and device nodes. */
#ifndef _SPINLAB_LINUX_DEVICE_H
#define _SPINLAB_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/kernel.h>

#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/list.h>
#include <linux/gfp.h>
#include <linux/compiler.h>
#include <linux/module.h>

struct module;
struct device;

/*
 * A device class (drivers/base/class.c): /sys/class/NAME. The model keeps the members drivers
 * set; the directory is made when the first device attribute under it is (nothing lists
 * /sys directories in the model, so an empty directory would not be seen).
 */
struct class {
    const char *name;
    const struct attribute_group **class_groups;
    const struct attribute_group **dev_groups;
    char *(*devnode)(const struct device *dev, umode_t *mode);
    void (*class_release)(const struct class *class);
    void (*dev_release)(struct device *dev);
    struct kobject *__spinlab_kobj;     /* /sys/class/NAME once made */
    int __spinlab_dynamic;              /* made by class_create (class_destroy frees it) */
};

/*
 * A device (drivers/base/core.c): its kobject is /sys/class/CLASS/NAME (for a device without
 * a class, /sys/devices/virtual/NAME), added when its first attribute is.
 */
struct device_driver;
struct bus_type;
struct dev_pm_ops;
struct of_device_id;
struct device_node;

struct device {
    struct kobject kobj;
    struct device *parent;
    const char *init_name;
    dev_t devt;
    const struct class *class;
    const struct bus_type *bus;
    struct device_driver *driver;     /* the driver bound to it, or NULL */
    void *platform_data;
    struct device_node *of_node;      /* always NULL: no device tree (CONFIG_OF=n) */
    void *driver_data;
    const struct attribute_group **groups;
    void (*release)(struct device *dev);
    struct list_head devres_head;     /* devm_* resources, released at unbind (drivers/base/devres.c) */
    int __spinlab_devres_ready;
    char __spinlab_name[32];
};

/* A bus (drivers/base/bus.c): the model has one, platform. */
struct bus_type {
    const char *name;
};

/* What a driver is to the driver core (include/linux/device/driver.h). */
struct device_driver {
    const char *name;
    const struct bus_type *bus;
    struct module *owner;
    const char *mod_name;
    bool suppress_bind_attrs;
    const struct of_device_id *of_match_table;
    const void *acpi_match_table;
    int (*probe)(struct device *dev);
    int (*remove)(struct device *dev);
    void (*shutdown)(struct device *dev);
    const struct attribute_group **groups;
    const struct attribute_group **dev_groups;
    const struct dev_pm_ops *pm;
};

/*
 * Power management callbacks (include/linux/pm.h): kept, never called (the model neither
 * suspends nor hibernates).
 */
struct dev_pm_ops {
    int (*prepare)(struct device *dev);
    void (*complete)(struct device *dev);
    int (*suspend)(struct device *dev);
    int (*resume)(struct device *dev);
    int (*freeze)(struct device *dev);
    int (*thaw)(struct device *dev);
    int (*poweroff)(struct device *dev);
    int (*restore)(struct device *dev);
    int (*suspend_late)(struct device *dev);
    int (*resume_early)(struct device *dev);
    int (*suspend_noirq)(struct device *dev);
    int (*resume_noirq)(struct device *dev);
    int (*runtime_suspend)(struct device *dev);
    int (*runtime_resume)(struct device *dev);
    int (*runtime_idle)(struct device *dev);
};

#define SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
    .suspend = suspend_fn, .resume = resume_fn, .freeze = suspend_fn, .thaw = resume_fn, \
    .poweroff = suspend_fn, .restore = resume_fn,
#define SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) \
    .runtime_suspend = suspend_fn, .runtime_resume = resume_fn, .runtime_idle = idle_fn,
#define SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn)
#define RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn)
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
    const struct dev_pm_ops name = { SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) }
#define SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
    const struct dev_pm_ops __maybe_unused name = { SET_SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) }
#define DEFINE_RUNTIME_DEV_PM_OPS(name, suspend_fn, resume_fn, idle_fn) \
    const struct dev_pm_ops name = { SET_RUNTIME_PM_OPS(suspend_fn, resume_fn, idle_fn) }
#define pm_ptr(_ptr) (_ptr)
#define pm_sleep_ptr(_ptr) (_ptr)

static inline void *dev_get_platdata(const struct device *dev)
{
    return dev->platform_data;
}

/*
 * Managed resources (drivers/base/devres.c): released in reverse order when the driver is
 * unbound from the device, or when the device goes.
 */
void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
void devres_release_all(struct device *dev);
#define devm_kzalloc(dev, size, gfp) devm_kmalloc((dev), (size), (gfp) | __GFP_ZERO)
#define devm_kcalloc(dev, n, size, gfp) devm_kmalloc((dev), (n) * (size), (gfp) | __GFP_ZERO)
#define devm_kmalloc_array(dev, n, size, gfp) devm_kmalloc((dev), (n) * (size), (gfp))

/* A device's attribute file: show/store receive the device (drivers/base/core.c: dev_attr_show). */
struct device_attribute {
    struct attribute attr;
    ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
    ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
    struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_PREALLOC(_name, _mode, _show, _store) DEVICE_ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

/* A class's own attribute file, /sys/class/NAME/ATTR (drivers/base/class.c: class_attr_show). */
struct class_attribute {
    struct attribute attr;
    ssize_t (*show)(const struct class *class, const struct class_attribute *attr, char *buf);
    ssize_t (*store)(const struct class *class, const struct class_attribute *attr, const char *buf,
                     size_t count);
};

#define CLASS_ATTR_RW(_name) struct class_attribute class_attr_##_name = __ATTR_RW(_name)
#define CLASS_ATTR_RO(_name) struct class_attribute class_attr_##_name = __ATTR_RO(_name)
#define CLASS_ATTR_WO(_name) struct class_attribute class_attr_##_name = __ATTR_WO(_name)

#define kobj_to_dev(__kobj) container_of(__kobj, struct device, kobj)

int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
int device_add_group(struct device *dev, const struct attribute_group *grp);
void device_remove_group(struct device *dev, const struct attribute_group *grp);
int device_add_groups(struct device *dev, const struct attribute_group **groups);
void device_remove_groups(struct device *dev, const struct attribute_group **groups);
int class_create_file(const struct class *cls, const struct class_attribute *attr);
void class_remove_file(const struct class *cls, const struct class_attribute *attr);
int class_register(struct class *cls);
void class_unregister(const struct class *cls);

/*
 * class_create() took (owner, name) before Linux 6.4 and takes (name) since; accept both by
 * choosing on the argument count, over two declared functions.
 */
struct class *__spinlab_class_create_name(const char *name);
struct class *__spinlab_class_create_owner_name(struct module *owner, const char *name);
#define __spinlab_pick_2nd_3rd(_1, _2, chosen, ...) chosen
#define class_create(...) \
    __spinlab_pick_2nd_3rd(__VA_ARGS__, __spinlab_class_create_owner_name, __spinlab_class_create_name)(__VA_ARGS__)

void class_destroy(const struct class *cls);

/* device_create() formats its name with printf arguments: the model formats first (an
 * intrinsic) and hands the finished name to drivers/base/core.c. */
char *__spinlab_kasprintf(const char *fmt, ...);
struct device *__spinlab_device_create(const struct class *cls, struct device *parent, dev_t devt, void *drvdata,
                                       const char *name);
#define device_create(cls, parent, devt, drvdata, ...) \
    __spinlab_device_create((cls), (parent), (devt), (drvdata), __spinlab_kasprintf(__VA_ARGS__))
struct device *__spinlab_device_create_with_groups(const struct class *cls, struct device *parent, dev_t devt,
                                                   void *drvdata, const struct attribute_group **groups,
                                                   const char *name);
#define device_create_with_groups(cls, parent, devt, drvdata, groups, ...) \
    __spinlab_device_create_with_groups((cls), (parent), (devt), (drvdata), (groups), __spinlab_kasprintf(__VA_ARGS__))
void device_destroy(const struct class *cls, dev_t devt);
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);
const char *dev_name(const struct device *dev);

/* drivers/base/core.c (the model keeps it in fs/char_dev.c) */
const char *dev_name(const struct device *dev);
const char *dev_driver_string(const struct device *dev);
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);

#include <linux/dev_printk.h>

#endif
