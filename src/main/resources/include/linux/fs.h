/* spinlab's model of <linux/fs.h>: files, inodes, file operations and char-device numbers. */
#ifndef _SPINLAB_LINUX_FS_H
#define _SPINLAB_LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kdev_t.h>
#include <linux/ioctl.h>
#include <linux/err.h>
#include <linux/errno.h> /* the real header reaches errno through its own includes; drivers rely on it */

struct module;

struct inode {
    dev_t i_rdev;
    void *i_private;
};

struct file_operations;

struct file {
    unsigned int f_flags;
    void *private_data;
    loff_t f_pos;
    const struct file_operations *f_op;
    struct inode *f_inode;
    int f_count;
};

struct file_operations {
    struct module *owner;
    loff_t (*llseek)(struct file *, loff_t, int);
    ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
    long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
    int (*open)(struct inode *, struct file *);
    int (*release)(struct inode *, struct file *);
};

#define iminor(inode) MINOR((inode)->i_rdev)
#define imajor(inode) MAJOR((inode)->i_rdev)

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name);
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

int nonseekable_open(struct inode *inode, struct file *filp);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);

#endif
