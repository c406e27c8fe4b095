/* spinlab's model of <linux/fs.h>: files, inodes, file operations and char-device numbers. */
#ifndef _SPINLAB_LINUX_FS_H
#define _SPINLAB_LINUX_FS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kdev_t.h>
#include <linux/ioctl.h>
#include <linux/err.h>
#include <linux/stat.h>
#include <linux/fcntl.h>
#include <linux/errno.h> /* the real header reaches errno through its own includes; drivers rely on it */
/* what the kernel's fs.h brings in (wait.h, mutex.h, cred.h -> sched.h, mm_types.h -> page.h, ...) */
#include <linux/init.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/semaphore.h>
#include <linux/sched.h>
#include <linux/capability.h>
#include <linux/workqueue.h>
#include <linux/completion.h> /* the real header reaches it through <linux/mm_types.h> */
#include <linux/slab.h>
#include <asm/page.h>

struct module;
struct cdev;
struct poll_table_struct;
struct vm_area_struct;
struct fasync_struct;
struct dentry;

typedef unsigned int fmode_t;

/* What a file was opened for (struct file's f_mode), include/linux/fs.h's FMODE_*. */
#define FMODE_READ 0x1
#define FMODE_WRITE 0x2
#define FMODE_LSEEK 0x4
#define FMODE_PREAD 0x8
#define FMODE_PWRITE 0x10
#define FMODE_EXEC 0x20
#define FMODE_NDELAY 0x40
#define FMODE_EXCL 0x80
#define FMODE_NOWAIT 0x8000000
/* O_RDONLY/O_WRONLY/O_RDWR to FMODE_READ/FMODE_WRITE */
#define OPEN_FMODE(flag) ((fmode_t)(((flag) + 1) & O_ACCMODE))

struct inode {
    umode_t i_mode;
    dev_t i_rdev;
    loff_t i_size;
    struct cdev *i_cdev;               /* the character device opened (chrdev_open) */
    const struct file_operations *i_fop;
    void *i_private;                   /* fs-private: the proc entry, the sysfs attribute */
};

struct file_operations;

struct file {
    fmode_t f_mode;
    unsigned int f_flags;
    void *private_data;
    loff_t f_pos;
    const struct file_operations *f_op;
    struct inode *f_inode;
    int f_count;
};

static inline struct inode *file_inode(const struct file *f)
{
    return f->f_inode;
}

typedef unsigned int __poll_t;
typedef void *fl_owner_t;
struct file_lock;
struct seq_file;

/*
 * The operations a driver gives. Used by the model: llseek, read, write, poll,
 * unlocked_ioctl, compat_ioctl (a 32-bit caller; never, in the model: one ABI), open,
 * flush, release. Accepted without effect: mmap (the model has no MMU; mmap(2) is not a
 * system call here), fasync (no signals), fsync.
 */
struct file_operations {
    struct module *owner;
    loff_t (*llseek)(struct file *, loff_t, int);
    ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
    ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
    __poll_t (*poll)(struct file *, struct poll_table_struct *);
    long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
    long (*compat_ioctl)(struct file *, unsigned int, unsigned long);
    int (*mmap)(struct file *, struct vm_area_struct *);
    int (*open)(struct inode *, struct file *);
    int (*flush)(struct file *, fl_owner_t id);
    int (*release)(struct inode *, struct file *);
    int (*fsync)(struct file *, loff_t, loff_t, int datasync);
    int (*fasync)(int, struct file *, int);
    /*
     * Members 6.6 has that the model's VFS never calls (no mmap, no file locks, no
     * /proc/PID/fdinfo, no fallocate): declared so that drivers which set them compile, and
     * inert, as they would be on a kernel that never takes those paths.
     */
    unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
                                       unsigned long);
    int (*check_flags)(int);
    int (*flock)(struct file *, int, struct file_lock *);
    int (*lock)(struct file *, int, struct file_lock *);
    long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
    void (*show_fdinfo)(struct seq_file *m, struct file *f);
};

#define iminor(inode) MINOR((inode)->i_rdev)
#define imajor(inode) MAJOR((inode)->i_rdev)

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
void unregister_chrdev(unsigned int major, const char *name);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count, const char *name);
int register_chrdev_region(dev_t from, unsigned int count, const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name,
                      const struct file_operations *fops);
void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name);

#define CHRDEV_MAJOR_MAX 512

int nonseekable_open(struct inode *inode, struct file *filp);
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg);
int stream_open(struct inode *inode, struct file *filp);
loff_t noop_llseek(struct file *file, loff_t offset, int whence);
loff_t no_llseek(struct file *file, loff_t offset, int whence);
loff_t default_llseek(struct file *file, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available);
ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count);

/* fasync: no signals in the model; a driver's .fasync is accepted, SIGIO never sent. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp);
void kill_fasync(struct fasync_struct **fp, int sig, int band);
#define SIGIO 29
#define POLL_IN 1
#define POLL_OUT 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
/* fs/read_write.c: more seeking helpers (the model's fs/read_write.c) */
#define SEEK_DATA 3
#define SEEK_HOLE 4
#define OFFSET_MAX ((loff_t)9223372036854775807LL)
loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize);
loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof);
loff_t no_seek_end_llseek(struct file *file, loff_t offset, int whence);
loff_t no_seek_end_llseek_size(struct file *file, loff_t offset, int whence, loff_t size);

#endif
