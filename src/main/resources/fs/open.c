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

int devnode_lookup(const char *path, dev_t *devt);
int devtmpfs_create_node_model(const char *name, dev_t devt, umode_t mode);
extern const struct file_operations def_chr_fops;
int proc_lookup_path(const char *path, struct inode *inode);
int sysfs_lookup_path(const char *path, struct inode *inode);
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

/*
 * The path's inode: a node of /dev (a character device: def_chr_fops finds the driver), an
 * entry of /proc or a file of /sys. The model's namespace has just these three trees.
 */
static int path_lookup_inode(const char *path, struct inode *inode)
{
    dev_t devt;
    if (strncmp(path, "/proc/", 6) == 0)
        return proc_lookup_path(path, inode);
    if (strncmp(path, "/sys/", 5) == 0)
        return sysfs_lookup_path(path, inode);
    if (devnode_lookup(path, &devt) == 0) {
        inode->i_mode = S_IFCHR | 0600;
        inode->i_rdev = devt;
        inode->i_fop = &def_chr_fops;
        return 0;
    }
    return -ENOENT;
}

long do_sys_open(const char __user *filename, int flags)
{
    struct files_struct *files = task_files();
    struct file *f;
    struct inode *inode;
    char path[128];
    int fd;
    int ret;

    if (strncpy_from_user(path, filename, sizeof(path)) < 0)
        return -EFAULT;
    path[sizeof(path) - 1] = '\0';
    for (fd = 3; fd < NR_OPEN; fd++)
        if (!files->fd[fd])
            break;
    if (fd == NR_OPEN)
        return -EMFILE;
    inode = kzalloc(sizeof(*inode), GFP_KERNEL);
    ret = path_lookup_inode(path, inode);
    if (ret) {
        kfree(inode);
        return ret;
    }
    f = kzalloc(sizeof(*f), GFP_KERNEL);
    /* do_dentry_open: what the file is open for, and that it can seek until told otherwise */
    f->f_flags = flags;
    f->f_mode = OPEN_FMODE(flags) | FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
    f->f_count = 1;
    f->f_op = inode->i_fop;
    f->f_inode = inode;
    if (f->f_op && f->f_op->open) {
        ret = f->f_op->open(inode, f);
        if (ret) {
            kfree(inode);
            kfree(f);
            return ret;
        }
    }
    files->fd[fd] = f;
    return fd;
}

/* fs/namei.c: mknod(2) for character devices in /dev (the only kind and place the model has). */
long __x64_sys_mknod(long filename, long mode, long dev)
{
    char path[64];
    unsigned int d = dev;
    /* new_decode_dev: the 32-bit encoding glibc's makedev() produces */
    unsigned int major = (d & 0xfff00) >> 8;
    unsigned int minor = (d & 0xff) | ((d >> 12) & 0xfff00);
    if (strncpy_from_user(path, (const char __user *)filename, sizeof(path)) < 0)
        return -EFAULT;
    path[sizeof(path) - 1] = '\0';
    if ((mode & S_IFMT) != S_IFCHR)
        return -EPERM;   /* regular files, fifos, block devices: not modelled */
    if (strncmp(path, "/dev/", 5) != 0 || strchr(path + 5, '/') || !path[5])
        return -ENOENT;
    return devtmpfs_create_node_model(path + 5, MKDEV(major, minor), mode);
}

/* fs/open.c: a driver that cannot seek says so at open. */
int nonseekable_open(struct inode *inode, struct file *filp)
{
    filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}

int stream_open(struct inode *inode, struct file *filp)
{
    filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
    return 0;
}

/* fs/read_write.c's llseek helpers. */
loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
    return file->f_pos;
}

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
    return -ESPIPE;
}

loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
    loff_t pos;
    if (whence == SEEK_SET)
        pos = offset;
    else if (whence == SEEK_CUR)
        pos = file->f_pos + offset;
    else if (whence == SEEK_END)
        pos = file_inode(file)->i_size + offset;
    else
        return -EINVAL;
    if (pos < 0)
        return -EINVAL;
    file->f_pos = pos;
    return pos;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
    return default_llseek(file, offset, whence);
}

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size)
{
    loff_t pos;
    if (whence == SEEK_SET)
        pos = offset;
    else if (whence == SEEK_CUR)
        pos = file->f_pos + offset;
    else if (whence == SEEK_END)
        pos = size + offset;
    else
        return -EINVAL;
    if (pos < 0 || pos > size)
        return -EINVAL;
    file->f_pos = pos;
    return pos;
}

/* fs/libfs.c */
ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available)
{
    loff_t pos = *ppos;
    size_t ret;
    if (pos < 0)
        return -EINVAL;
    if (pos >= available || !count)
        return 0;
    if (count > available - pos)
        count = available - pos;
    ret = copy_to_user(to, (const char *)from + pos, count);
    if (ret == count)
        return -EFAULT;
    count -= ret;
    *ppos = pos + count;
    return count;
}

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count)
{
    loff_t pos = *ppos;
    size_t res;
    if (pos < 0)
        return -EINVAL;
    if (pos >= available || !count)
        return 0;
    if (count > available - pos)
        count = available - pos;
    res = copy_from_user((char *)to + pos, from, count);
    if (res == count)
        return -EFAULT;
    count -= res;
    *ppos = pos + count;
    return count;
}

/* fs/fcntl.c: no signals in the model, so there is no SIGIO to deliver. */
int fasync_helper(int fd, struct file *filp, int on, struct fasync_struct **fapp)
{
    return 0;
}

void kill_fasync(struct fasync_struct **fp, int sig, int band)
{
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
    if (f->f_op && f->f_op->flush)
        f->f_op->flush(f, NULL);
    /* the last close of a file shared by fork() releases it (fput) */
    f->f_count = f->f_count - 1;
    if (f->f_count > 0)
        return 0;
    if (f->f_op && f->f_op->release)
        f->f_op->release(f->f_inode, f);
    kfree(f->f_inode);
    kfree(f);
    return 0;
}

/*
 * fs/read_write.c: vfs_read()/vfs_write() refuse a buffer that is not in the user half of the
 * address space (access_ok: -EFAULT) before the driver sees it, and cap the count at
 * MAX_RW_COUNT; a buffer that is in the user range but not mapped is the driver's
 * copy_to_user()/copy_from_user() to find.
 */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

long __x64_sys_read(long fd, long buf, long count)
{
    struct file *f = fget(fd);
    if (!f)
        return -EBADF;
    if (!(f->f_mode & FMODE_READ))
        return -EBADF;
    if (!f->f_op || !f->f_op->read)
        return -EINVAL;
    if (!access_ok(buf, count))
        return -EFAULT;
    if ((unsigned long)count > MAX_RW_COUNT)
        count = MAX_RW_COUNT;
    return f->f_op->read(f, (char *)buf, count, &f->f_pos);
}

/*
 * drivers/tty/tty_io.c: iterate_tty_write() — the console takes the user's bytes a chunk at a
 * time through the tty's write buffer (2048 bytes, the default tty->write_cnt), each chunk
 * copied whole from user memory first (copy_from_iter): a chunk that cannot be copied ends
 * the write, which returns what was written before it, or -EFAULT when nothing was.
 */
#define TTY_WRITE_CHUNK 2048

static long tty_write(const char __user *buf, unsigned long count)
{
    char chunk[TTY_WRITE_CHUNK];
    unsigned long written = 0;
    long ret = 0;

    while (written < count) {
        unsigned long size = count - written;

        if (size > TTY_WRITE_CHUNK)
            size = TTY_WRITE_CHUNK;
        ret = -EFAULT;
        if (copy_from_user(chunk, buf + written, size))
            break;
        __spinlab_console_write(chunk, size);
        written += size;
    }
    return written ? written : ret;
}

long __x64_sys_write(long fd, long buf, long count)
{
    struct file *f;
    if (fd == 1 || fd == 2) {
        if (!access_ok(buf, count))
            return -EFAULT;
        if ((unsigned long)count > MAX_RW_COUNT)
            count = MAX_RW_COUNT;
        return tty_write((const char __user *)buf, count);
    }
    f = fget(fd);
    if (!f)
        return -EBADF;
    if (!(f->f_mode & FMODE_WRITE))
        return -EBADF;
    if (!f->f_op || !f->f_op->write)
        return -EINVAL;
    if (!access_ok(buf, count))
        return -EFAULT;
    if ((unsigned long)count > MAX_RW_COUNT)
        count = MAX_RW_COUNT;
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
    if (!(f->f_mode & FMODE_LSEEK))
        return -ESPIPE;
    if (f->f_op && f->f_op->llseek)
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

/*
 * fs/ioctl.c: compat_ptr_ioctl, the .compat_ioctl of drivers whose commands all take a
 * pointer: the 32-bit caller's pointer converted, then the driver's unlocked_ioctl. The model
 * has one ABI, so nothing calls it; a driver naming it links.
 */
long compat_ptr_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    if (!file->f_op->unlocked_ioctl)
        return -ENOIOCTLCMD;
    return file->f_op->unlocked_ioctl(file, cmd, arg);
}

long __x64_sys_ioctl(long fd, long cmd, long arg)
{
    struct file *f = fget(fd);
    if (!f)
        return -EBADF;
    if (!f->f_op || !f->f_op->unlocked_ioctl)
        return -ENOTTY;
    return f->f_op->unlocked_ioctl(f, cmd, arg);
}
