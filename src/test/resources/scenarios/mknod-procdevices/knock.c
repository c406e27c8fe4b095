/*
 * An old-style driver: register_chrdev with a dynamic major and no device_create, as in
 * LDD3's chapter 3 before udev. User space finds the major in /proc/devices and makes the
 * nodes with mknod, as scull_load does. Each read says which minor it came through.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/uaccess.h>

static int major;

static int knock_open(struct inode *inode, struct file *filp)
{
    filp->private_data = (void *)(long)iminor(inode);
    return nonseekable_open(inode, filp);
}

static ssize_t knock_read(struct file *filp, char __user *buf, size_t count, loff_t *ppos)
{
    char msg[48];
    int len = snprintf(msg, sizeof(msg), "knock knock from minor %ld of %u\n", (long)filp->private_data,
                       imajor(file_inode(filp)));
    return simple_read_from_buffer(buf, count, ppos, msg, len);
}

static const struct file_operations knock_fops = {
    .owner = THIS_MODULE,
    .open = knock_open,
    .read = knock_read,
    .llseek = no_llseek,
};

static int __init knock_init(void)
{
    major = register_chrdev(0, "knock", &knock_fops);
    if (major < 0)
        return major;
    pr_info("knock: registered with major %d\n", major);
    return 0;
}

static void __exit knock_exit(void)
{
    unregister_chrdev(major, "knock");
    pr_info("knock: unregistered\n");
}

module_init(knock_init);
module_exit(knock_exit);
MODULE_LICENSE("GPL");
