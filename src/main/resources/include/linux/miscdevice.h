/* spinlab's model of <linux/miscdevice.h>: single-node character devices on major 10. */
#ifndef _SPINLAB_LINUX_MISCDEVICE_H
#define _SPINLAB_LINUX_MISCDEVICE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/list.h>
#include <linux/device.h>

#define MISC_MAJOR 10
#define MISC_DYNAMIC_MINOR 255

struct miscdevice {
    int minor;
    const char *name;
    const struct file_operations *fops;
    struct list_head list;
    struct device *parent;
    struct device *this_device;
    const struct attribute_group **groups;
    const char *nodename;
    umode_t mode;
};

int misc_register(struct miscdevice *misc);
void misc_deregister(struct miscdevice *misc);

#endif
