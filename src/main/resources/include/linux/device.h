/* spinlab's model of <linux/device.h>: device classes and device nodes. */
#ifndef _SPINLAB_LINUX_DEVICE_H
#define _SPINLAB_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/kernel.h>

#include <linux/kobject.h>
#include <linux/sysfs.h>

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
struct device {
    struct kobject kobj;
    struct device *parent;
    const char *init_name;
    dev_t devt;
    const struct class *class;
    void *driver_data;
    const struct attribute_group **groups;
    void (*release)(struct device *dev);
    char __spinlab_name[32];
};

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
