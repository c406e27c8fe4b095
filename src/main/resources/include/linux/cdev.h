/* spinlab's model of <linux/cdev.h>: character devices. */
#ifndef _SPINLAB_LINUX_CDEV_H
#define _SPINLAB_LINUX_CDEV_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/device.h>

struct module;

struct cdev {
    struct module *owner;
    const struct file_operations *ops;
    dev_t dev;
    unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count);
void cdev_del(struct cdev *cdev);

#endif
