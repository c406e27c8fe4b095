/*
 * spinlab's model of fs/open.c, fs/read_write.c and fs/ioctl.c: a per-task file table over
 * the character devices, and the console behind file descriptors 1 and 2.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define NR_OPEN 16

struct files_struct {
    struct file *fd[NR_OPEN];
};

const struct file_operations *chrdev_lookup(const char *path, dev_t *devt);
void __spinlab_console_write(const char *buf, unsigned long len);

static struct files_struct *task_files(void)
{
    struct task_struct *p = current;
    if (!p->files)
        p->files = kzalloc(sizeof(struct files_struct), GFP_KERNEL);
    return p->files;
}

/* A free descriptor of the current task (the kernel also reserves it; the model's callers
 * install it before they can sleep). */
int get_unused_fd_flags(unsigned int flags)
{
    struct files_struct *files = task_files();
    int fd;
    for (fd = 3; fd < NR_OPEN; fd++)
        if (!files->fd[fd])
            return fd;
    return -EMFILE;
}

void fd_install(unsigned int fd, struct file *file)
{
    task_files()->fd[fd] = file;
}

struct file *fget(unsigned int fd)
{
    struct files_struct *files = task_files();
    if (fd >= NR_OPEN)
        return NULL;
    return files->fd[fd];
}

long do_sys_open(const char __user *filename, int flags)
{
    struct files_struct *files = task_files();
    const struct file_operations *fops;
    struct file *f;
    struct inode *inode;
    dev_t devt = 0;
    char path[64];
    int fd;
    int ret;

    if (strncpy_from_user(path, filename, sizeof(path)) < 0)
        return -EFAULT;
    fops = chrdev_lookup(path, &devt);
    if (!fops)
        return -ENOENT;
    for (fd = 3; fd < NR_OPEN; fd++)
        if (!files->fd[fd])
            break;
    if (fd == NR_OPEN)
        return -EMFILE;
    f = kzalloc(sizeof(*f), GFP_KERNEL);
    inode = kzalloc(sizeof(*inode), GFP_KERNEL);
    inode->i_rdev = devt;
    f->f_flags = flags;
    f->f_count = 1;
    f->f_op = fops;
    f->f_inode = inode;
    if (fops->open) {
        ret = fops->open(inode, f);
        if (ret) {
            kfree(inode);
            kfree(f);
            return ret;
        }
    }
    files->fd[fd] = f;
    return fd;
}

struct files_struct *dup_files(struct files_struct *files)
{
    struct files_struct *copy = kzalloc(sizeof(struct files_struct), GFP_KERNEL);
    int fd;
    if (!files)
        return copy;
    for (fd = 0; fd < NR_OPEN; fd++) {
        copy->fd[fd] = files->fd[fd];
        if (copy->fd[fd])
            copy->fd[fd]->f_count = copy->fd[fd]->f_count + 1;
    }
    return copy;
}

long __x64_sys_open(long filename, long flags, long mode)
{
    return do_sys_open((const char *)filename, flags);
}

long __x64_sys_close(long fd, long unused1, long unused2)
{
    struct file *f = fget(fd);
    if (!f)
        return -EBADF;
    task_files()->fd[fd] = NULL;
    /* the last close of a file shared by fork() releases it (fput) */
    f->f_count = f->f_count - 1;
    if (f->f_count > 0)
        return 0;
    if (f->f_op->release)
        f->f_op->release(f->f_inode, f);
    kfree(f->f_inode);
    kfree(f);
    return 0;
}

long __x64_sys_read(long fd, long buf, long count)
{
    struct file *f = fget(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op->read)
        return -EINVAL;
    return f->f_op->read(f, (char *)buf, count, &f->f_pos);
}

long __x64_sys_write(long fd, long buf, long count)
{
    struct file *f;
    if (fd == 1 || fd == 2) {
        __spinlab_console_write((const char *)buf, count);
        return count;
    }
    f = fget(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op->write)
        return -EINVAL;
    return f->f_op->write(f, (const char *)buf, count, &f->f_pos);
}

/* fs/read_write.c: lseek calls the driver's llseek, or moves f_pos itself (generic_file_llseek
 * for SEEK_SET and SEEK_CUR; a character device has no size for SEEK_END). */
long __x64_sys_lseek(long fd, long offset, long whence)
{
    struct file *f = fget(fd);
    long pos;
    if (!f)
        return -EBADF;
    if (f->f_op->llseek)
        return f->f_op->llseek(f, offset, whence);
    if (whence == 0)
        pos = offset;
    else if (whence == 1)
        pos = f->f_pos + offset;
    else
        return -EINVAL;
    if (pos < 0)
        return -EINVAL;
    f->f_pos = pos;
    return pos;
}

long __x64_sys_ioctl(long fd, long cmd, long arg)
{
    struct file *f = fget(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op->unlocked_ioctl)
        return -ENOTTY;
    return f->f_op->unlocked_ioctl(f, cmd, arg);
}
