/* spinlab's model of <linux/device.h>: device classes and device nodes. */
#ifndef _SPINLAB_LINUX_DEVICE_H
#define _SPINLAB_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/kernel.h>

struct module;
struct class;
struct device;

/*
 * class_create() took (owner, name) before Linux 6.4 and takes (name) since; accept both by
 * choosing on the argument count, over two declared functions.
 */
struct class *__spinlab_class_create_name(const char *name);
struct class *__spinlab_class_create_owner_name(struct module *owner, const char *name);
#define __spinlab_pick_2nd_3rd(_1, _2, chosen, ...) chosen
#define class_create(...) \
    __spinlab_pick_2nd_3rd(__VA_ARGS__, __spinlab_class_create_owner_name, __spinlab_class_create_name)(__VA_ARGS__)

void class_destroy(struct class *cls);

/* device_create() formats its name with printf arguments: the model formats first (an
 * intrinsic) and hands the finished name to drivers/base/core.c. */
char *__spinlab_kasprintf(const char *fmt, ...);
struct device *__spinlab_device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
                                       const char *name);
#define device_create(cls, parent, devt, drvdata, ...) \
    __spinlab_device_create((cls), (parent), (devt), (drvdata), __spinlab_kasprintf(__VA_ARGS__))
void device_destroy(struct class *cls, dev_t devt);
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);
const char *dev_name(const struct device *dev);

struct attribute_group;

/* drivers/base/core.c (the model keeps struct device in fs/char_dev.c) */
const char *dev_name(const struct device *dev);
const char *dev_driver_string(const struct device *dev);
void *dev_get_drvdata(const struct device *dev);
void dev_set_drvdata(struct device *dev, void *data);

#include <linux/dev_printk.h>

#endif
