/*
 * spinlab's model of <linux/proc_fs.h> (implementation in fs/proc/generic.c): entries a
 * driver adds under /proc, read and written by programs with open/read/write.
 */
#ifndef _SPINLAB_LINUX_PROC_FS_H
#define _SPINLAB_LINUX_PROC_FS_H

#include <linux/uidgid.h>
#include <linux/types.h>
#include <linux/fs.h>

struct proc_dir_entry;
struct seq_file;
struct seq_operations;
struct poll_table_struct;
struct vm_area_struct;

#define PROC_ENTRY_PERMANENT 1U

/* Since 5.6 a /proc file's operations (before: struct file_operations). */
struct proc_ops {
    unsigned int proc_flags;
    int (*proc_open)(struct inode *, struct file *);
    ssize_t (*proc_read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*proc_write)(struct file *, const char __user *, size_t, loff_t *);
    loff_t (*proc_lseek)(struct file *, loff_t, int);
    int (*proc_release)(struct inode *, struct file *);
    __poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
    long (*proc_ioctl)(struct file *, unsigned int, unsigned long);
    long (*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
    int (*proc_mmap)(struct file *, struct vm_area_struct *);
    /* as file_operations' get_unmapped_area: declared, never called (no mmap in the model) */
    unsigned long (*proc_get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
                                            unsigned long);
};

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                        const struct proc_ops *proc_ops, void *data);
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                               int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) proc_create_single_data(name, mode, parent, show, NULL)
struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                               const struct seq_operations *ops, unsigned int state_size,
                                               void *data);
#define proc_create_seq_data(name, mode, parent, ops, data) \
    proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) proc_create_seq_private(name, mode, parent, ops, 0, NULL)
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode, struct proc_dir_entry *parent, void *data);
void proc_set_size(struct proc_dir_entry *de, loff_t size);
void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int remove_proc_subtree(const char *name, struct proc_dir_entry *parent);
void proc_remove(struct proc_dir_entry *de);
void *pde_data(const struct inode *inode);
/* PDE_DATA() before 5.17 */
#define PDE_DATA(inode) pde_data(inode)
struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest);

#endif
