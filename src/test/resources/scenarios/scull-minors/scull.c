/*
 * A scull-like driver after LDD3 chapter 3: scull_nr_devs devices on one dynamically
 * allocated major, each minor its own memory area behind its own cdev; open finds the
 * device from inode->i_cdev (container_of), a write-only open truncates, a mutex serialises.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

#define SCULL_SIZE 128

static int scull_major;
static int scull_minor;
static int scull_nr_devs = 2;
module_param(scull_major, int, S_IRUGO);
module_param(scull_minor, int, S_IRUGO);
module_param(scull_nr_devs, int, S_IRUGO);

struct scull_dev {
    char data[SCULL_SIZE];
    size_t size;
    struct mutex lock;
    struct cdev cdev;
};

static struct scull_dev *scull_devices;
static struct class *scull_class;

static int scull_open(struct inode *inode, struct file *filp)
{
    struct scull_dev *dev = container_of(inode->i_cdev, struct scull_dev, cdev);
    filp->private_data = dev;
    if ((filp->f_flags & O_ACCMODE) == O_WRONLY) {
        mutex_lock(&dev->lock);
        dev->size = 0;
        mutex_unlock(&dev->lock);
    }
    pr_info("scull: open minor %d (major %d) for%s%s\n", iminor(inode), imajor(inode),
            (filp->f_mode & FMODE_READ) ? " read" : "", (filp->f_mode & FMODE_WRITE) ? " write" : "");
    return 0;
}

static int scull_release(struct inode *inode, struct file *filp)
{
    return 0;
}

static ssize_t scull_read(struct file *filp, char __user *buf, size_t count, loff_t *f_pos)
{
    struct scull_dev *dev = filp->private_data;
    ssize_t ret = 0;
    mutex_lock(&dev->lock);
    if (*f_pos >= dev->size)
        goto out;
    if (count > dev->size - *f_pos)
        count = dev->size - *f_pos;
    if (copy_to_user(buf, dev->data + *f_pos, count)) {
        ret = -EFAULT;
        goto out;
    }
    *f_pos += count;
    ret = count;
out:
    mutex_unlock(&dev->lock);
    return ret;
}

static ssize_t scull_write(struct file *filp, const char __user *buf, size_t count, loff_t *f_pos)
{
    struct scull_dev *dev = filp->private_data;
    ssize_t ret = -ENOMEM;
    mutex_lock(&dev->lock);
    if (*f_pos >= SCULL_SIZE)
        goto out;
    if (count > SCULL_SIZE - *f_pos)
        count = SCULL_SIZE - *f_pos;
    if (copy_from_user(dev->data + *f_pos, buf, count)) {
        ret = -EFAULT;
        goto out;
    }
    *f_pos += count;
    if (dev->size < *f_pos)
        dev->size = *f_pos;
    ret = count;
out:
    mutex_unlock(&dev->lock);
    return ret;
}

static loff_t scull_llseek(struct file *filp, loff_t off, int whence)
{
    struct scull_dev *dev = filp->private_data;
    loff_t newpos;
    switch (whence) {
    case SEEK_SET: newpos = off; break;
    case SEEK_CUR: newpos = filp->f_pos + off; break;
    case SEEK_END: newpos = dev->size + off; break;
    default: return -EINVAL;
    }
    if (newpos < 0)
        return -EINVAL;
    filp->f_pos = newpos;
    return newpos;
}

static const struct file_operations scull_fops = {
    .owner = THIS_MODULE,
    .llseek = scull_llseek,
    .read = scull_read,
    .write = scull_write,
    .open = scull_open,
    .release = scull_release,
};

static void scull_cleanup_module(void)
{
    dev_t devno = MKDEV(scull_major, scull_minor);
    int i;
    if (scull_devices) {
        for (i = 0; i < scull_nr_devs; i++) {
            device_destroy(scull_class, MKDEV(scull_major, scull_minor + i));
            cdev_del(&scull_devices[i].cdev);
        }
        kfree(scull_devices);
    }
    if (scull_class)
        class_destroy(scull_class);
    unregister_chrdev_region(devno, scull_nr_devs);
}

static int __init scull_init_module(void)
{
    int result, i;
    dev_t dev = 0;

    if (scull_major) {
        dev = MKDEV(scull_major, scull_minor);
        result = register_chrdev_region(dev, scull_nr_devs, "scull");
    } else {
        result = alloc_chrdev_region(&dev, scull_minor, scull_nr_devs, "scull");
        scull_major = MAJOR(dev);
    }
    if (result < 0) {
        pr_warn("scull: can't get major %d\n", scull_major);
        return result;
    }
    scull_devices = kzalloc(scull_nr_devs * sizeof(struct scull_dev), GFP_KERNEL);
    if (!scull_devices) {
        result = -ENOMEM;
        goto fail;
    }
    scull_class = class_create("scull");
    for (i = 0; i < scull_nr_devs; i++) {
        struct scull_dev *d = &scull_devices[i];
        int err;
        mutex_init(&d->lock);
        cdev_init(&d->cdev, &scull_fops);
        d->cdev.owner = THIS_MODULE;
        err = cdev_add(&d->cdev, MKDEV(scull_major, scull_minor + i), 1);
        if (err)
            pr_notice("scull: error %d adding scull%d\n", err, i);
        device_create(scull_class, NULL, MKDEV(scull_major, scull_minor + i), NULL, "scull%d", i);
    }
    pr_info("scull: major %d, %d devices\n", scull_major, scull_nr_devs);
    return 0;
fail:
    scull_cleanup_module();
    return result;
}

static void __exit scull_exit(void)
{
    scull_cleanup_module();
    pr_info("scull: unloaded\n");
}

module_init(scull_init_module);
module_exit(scull_exit);
MODULE_LICENSE("Dual BSD/GPL");
