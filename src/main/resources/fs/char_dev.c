/*
 * spinlab's model of fs/char_dev.c, drivers/base/core.c (classes and device nodes) and
 * drivers/char/misc.c: how a driver's file_operations become reachable from open("/dev/x").
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>

#define CHRDEV_MAJOR_MAX 512
#define DEVNAME_LEN 32

struct char_device_struct {
    const char *name;
    const struct file_operations *fops;
};

static struct char_device_struct chrdevs[CHRDEV_MAJOR_MAX];

struct class {
    const char *name;
};

struct device {
    struct class *cls;
    dev_t devt;
    void *drvdata;
    char name[DEVNAME_LEN];
    const struct file_operations *fops;   /* set for misc devices and cdevs */
    struct list_head node;
};

static LIST_HEAD(devices);

struct cdev_entry {
    struct cdev *cdev;
    struct list_head node;
};

static LIST_HEAD(cdevs);

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
    if (major == 0) {
        for (major = CHRDEV_MAJOR_MAX - 1; major > 0; major--)
            if (!chrdevs[major].fops)
                break;
        if (major == 0)
            return -EBUSY;
    }
    if (major >= CHRDEV_MAJOR_MAX)
        return -EINVAL;
    if (chrdevs[major].fops)
        return -EBUSY;
    chrdevs[major].name = name;
    chrdevs[major].fops = fops;
    return major;
}

void unregister_chrdev(unsigned int major, const char *name)
{
    if (major < CHRDEV_MAJOR_MAX) {
        chrdevs[major].fops = NULL;
        chrdevs[major].name = NULL;
    }
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
    return 0;
}

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
    unsigned int major;
    for (major = CHRDEV_MAJOR_MAX - 1; major > 0; major--)
        if (!chrdevs[major].fops && !chrdevs[major].name)
            break;
    chrdevs[major].name = name;
    *dev = MKDEV(major, baseminor);
    return 0;
}

void unregister_chrdev_region(dev_t from, unsigned count)
{
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
    memset(cdev, 0, sizeof(*cdev));
    cdev->ops = fops;
}

struct cdev *cdev_alloc(void)
{
    return kzalloc(sizeof(struct cdev), GFP_KERNEL);
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
    struct cdev_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);
    cdev->dev = dev;
    cdev->count = count;
    e->cdev = cdev;
    list_add_tail(&e->node, &cdevs);
    return 0;
}

void cdev_del(struct cdev *cdev)
{
    struct list_head *pos;
    for (pos = cdevs.next; pos != &cdevs; pos = pos->next) {
        struct cdev_entry *e = list_entry(pos, struct cdev_entry, node);
        if (e->cdev == cdev) {
            list_del(&e->node);
            kfree(e);
            return;
        }
    }
}

static struct class *class_create_common(const char *name)
{
    struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
    cls->name = name;
    return cls;
}

struct class *__spinlab_class_create_name(const char *name)
{
    return class_create_common(name);
}

struct class *__spinlab_class_create_owner_name(struct module *owner, const char *name)
{
    return class_create_common(name);
}

void class_destroy(struct class *cls)
{
    kfree(cls);
}

struct device *__spinlab_device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
                                       const char *name)
{
    struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
    dev->cls = cls;
    dev->devt = devt;
    dev->drvdata = drvdata;
    strncpy(dev->name, name, DEVNAME_LEN - 1);
    list_add_tail(&dev->node, &devices);
    return dev;
}

void device_destroy(struct class *cls, dev_t devt)
{
    struct list_head *pos;
    for (pos = devices.next; pos != &devices; pos = pos->next) {
        struct device *dev = list_entry(pos, struct device, node);
        if (dev->cls == cls && dev->devt == devt) {
            list_del(&dev->node);
            kfree(dev);
            return;
        }
    }
}

int misc_register(struct miscdevice *misc)
{
    struct device *dev;
    if (misc->minor == MISC_DYNAMIC_MINOR)
        misc->minor = 64;
    dev = __spinlab_device_create(NULL, NULL, MKDEV(MISC_MAJOR, misc->minor), misc, misc->name);
    dev->fops = misc->fops;
    return 0;
}

void misc_deregister(struct miscdevice *misc)
{
    device_destroy(NULL, MKDEV(MISC_MAJOR, misc->minor));
}

/* Finds the device node /dev/NAME: its number and the file operations behind it. */
const struct file_operations *chrdev_lookup(const char *path, dev_t *devt)
{
    struct list_head *pos;
    if (strncmp(path, "/dev/", 5) != 0)
        return NULL;
    for (pos = devices.next; pos != &devices; pos = pos->next) {
        struct device *dev = list_entry(pos, struct device, node);
        if (strcmp(dev->name, path + 5) == 0) {
            struct list_head *c;
            *devt = dev->devt;
            if (dev->fops)
                return dev->fops;
            for (c = cdevs.next; c != &cdevs; c = c->next) {
                struct cdev_entry *e = list_entry(c, struct cdev_entry, node);
                if (MAJOR(e->cdev->dev) == MAJOR(dev->devt))
                    return e->cdev->ops;
            }
            if (MAJOR(dev->devt) < CHRDEV_MAJOR_MAX)
                return chrdevs[MAJOR(dev->devt)].fops;
            return NULL;
        }
    }
    return NULL;
}
