/*
 * spinlab's model of fs/proc/generic.c and fs/proc/inode.c: the /proc tree (entries with a
 * parent and children, made by proc_create/proc_mkdir, gone with remove_proc_entry /
 * proc_remove) and the file operations of an open /proc file, which call the entry's
 * proc_ops (proc_reg_open, proc_reg_read, ...). Built in: /proc/devices (fs/proc/devices.c).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>

#define PROC_NAME_LEN 48

struct proc_dir_entry {
    char name[PROC_NAME_LEN];
    umode_t mode;
    const struct proc_ops *proc_ops;
    int (*single_show)(struct seq_file *, void *);
    const struct seq_operations *seq_ops;
    unsigned int state_size;
    void *data;
    loff_t size;
    kuid_t uid;                      /* kept: everything runs as root in the model */
    kgid_t gid;
    struct proc_dir_entry *parent;
    struct proc_dir_entry *subdir;   /* first child */
    struct proc_dir_entry *next;     /* next sibling */
};

static struct proc_dir_entry proc_root = { .name = "/proc", .mode = S_IFDIR | 0555 };

static struct proc_dir_entry *find_child(struct proc_dir_entry *dir, const char *name, int len)
{
    struct proc_dir_entry *de;
    for (de = dir->subdir; de; de = de->next)
        if ((int)strlen(de->name) == len && strncmp(de->name, name, len) == 0)
            return de;
    return NULL;
}

/* proc_register: a name already in the directory is refused with the kernel's warning. */
static struct proc_dir_entry *proc_register(struct proc_dir_entry *dir, const char *name, umode_t mode)
{
    struct proc_dir_entry *de, **tail;
    if (!dir)
        dir = &proc_root;
    if (strlen(name) == 0 || strlen(name) >= PROC_NAME_LEN || strchr(name, '/')) {
        WARN(1, "name len %u\n", (unsigned int)strlen(name));
        return NULL;
    }
    if (find_child(dir, name, strlen(name))) {
        WARN(1, "proc_dir_entry '%s/%s' already registered\n", dir->name, name);
        return NULL;
    }
    de = kzalloc(sizeof(*de), GFP_KERNEL);
    if (!de)
        return NULL;
    strcpy(de->name, name);
    de->mode = mode;
    de->parent = dir;
    for (tail = &dir->subdir; *tail; tail = &(*tail)->next)
        ;
    *tail = de;
    return de;
}

struct proc_dir_entry *proc_create_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                        const struct proc_ops *proc_ops, void *data)
{
    struct proc_dir_entry *de;
    if ((mode & S_IFMT) == 0)
        mode |= S_IFREG;
    if ((mode & S_IALLUGO) == 0)
        mode |= S_IRUGO;
    de = proc_register(parent, name, mode);
    if (de) {
        de->proc_ops = proc_ops;
        de->data = data;
    }
    return de;
}

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                   const struct proc_ops *proc_ops)
{
    return proc_create_data(name, mode, parent, proc_ops, NULL);
}

static int proc_single_open(struct inode *inode, struct file *file)
{
    struct proc_dir_entry *de = inode->i_private;
    return single_open(file, de->single_show, de->data);
}

static const struct proc_ops proc_single_ops = {
    .proc_open = proc_single_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = single_release,
};

struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                               int (*show)(struct seq_file *, void *), void *data)
{
    struct proc_dir_entry *de = proc_create_data(name, mode, parent, &proc_single_ops, data);
    if (de)
        de->single_show = show;
    return de;
}

static int proc_seq_open(struct inode *inode, struct file *file)
{
    struct proc_dir_entry *de = inode->i_private;
    if (de->state_size)
        return seq_open_private(file, de->seq_ops, de->state_size);
    return seq_open(file, de->seq_ops);
}

static int proc_seq_release(struct inode *inode, struct file *file)
{
    struct proc_dir_entry *de = inode->i_private;
    if (de->state_size)
        return seq_release_private(inode, file);
    return seq_release(inode, file);
}

static const struct proc_ops proc_seq_ops = {
    .proc_open = proc_seq_open,
    .proc_read = seq_read,
    .proc_lseek = seq_lseek,
    .proc_release = proc_seq_release,
};

struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode, struct proc_dir_entry *parent,
                                               const struct seq_operations *ops, unsigned int state_size,
                                               void *data)
{
    struct proc_dir_entry *de = proc_create_data(name, mode, parent, &proc_seq_ops, data);
    if (de) {
        de->seq_ops = ops;
        de->state_size = state_size;
    }
    return de;
}

struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode, struct proc_dir_entry *parent, void *data)
{
    struct proc_dir_entry *de;
    if (mode == 0)
        mode = S_IRUGO | S_IXUGO;
    de = proc_register(parent, name, S_IFDIR | mode);
    if (de)
        de->data = data;
    return de;
}

struct proc_dir_entry *proc_mkdir_mode(const char *name, umode_t mode, struct proc_dir_entry *parent)
{
    return proc_mkdir_data(name, mode, parent, NULL);
}

struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent)
{
    return proc_mkdir_data(name, 0, parent, NULL);
}

struct proc_dir_entry *proc_symlink(const char *name, struct proc_dir_entry *parent, const char *dest)
{
    return NULL;   /* symbolic links are not modelled */
}

void proc_set_size(struct proc_dir_entry *de, loff_t size)
{
    de->size = size;
}

void proc_set_user(struct proc_dir_entry *de, kuid_t uid, kgid_t gid)
{
    de->uid = uid;
    de->gid = gid;
}

void *pde_data(const struct inode *inode)
{
    struct proc_dir_entry *de = inode->i_private;
    return de->data;
}

static void unlink_entry(struct proc_dir_entry *de)
{
    struct proc_dir_entry **p;
    for (p = &de->parent->subdir; *p; p = &(*p)->next) {
        if (*p == de) {
            *p = de->next;
            return;
        }
    }
}

static void free_subtree(struct proc_dir_entry *de)
{
    while (de->subdir) {
        struct proc_dir_entry *c = de->subdir;
        de->subdir = c->next;
        free_subtree(c);
    }
    kfree(de);
}

void remove_proc_entry(const char *name, struct proc_dir_entry *parent)
{
    struct proc_dir_entry *de;
    if (!parent)
        parent = &proc_root;
    de = find_child(parent, name, strlen(name));
    if (!de) {
        WARN(1, "name '%s'\n", name);
        return;
    }
    unlink_entry(de);
    if (de->subdir)
        WARN(1, "%s: removing non-empty directory '%s/%s', leaking at least '%s'\n", __func__, de->parent->name,
             de->name, de->subdir->name);
    kfree(de);
}

int remove_proc_subtree(const char *name, struct proc_dir_entry *parent)
{
    struct proc_dir_entry *de;
    if (!parent)
        parent = &proc_root;
    de = find_child(parent, name, strlen(name));
    if (!de)
        return -ENOENT;
    unlink_entry(de);
    free_subtree(de);
    return 0;
}

void proc_remove(struct proc_dir_entry *de)
{
    if (de) {
        unlink_entry(de);
        free_subtree(de);
    }
}

/* fs/proc/inode.c: an open /proc file calls its entry's proc_ops. */
static int proc_reg_open(struct inode *inode, struct file *file)
{
    struct proc_dir_entry *de = inode->i_private;
    if (de->proc_ops->proc_open)
        return de->proc_ops->proc_open(inode, file);
    return 0;
}

static ssize_t proc_reg_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    struct proc_dir_entry *de = file_inode(file)->i_private;
    if (!de->proc_ops->proc_read)
        return -EIO;
    return de->proc_ops->proc_read(file, buf, count, ppos);
}

static ssize_t proc_reg_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    struct proc_dir_entry *de = file_inode(file)->i_private;
    if (!de->proc_ops->proc_write)
        return -EIO;
    return de->proc_ops->proc_write(file, buf, count, ppos);
}

static loff_t proc_reg_llseek(struct file *file, loff_t offset, int whence)
{
    struct proc_dir_entry *de = file_inode(file)->i_private;
    if (de->proc_ops->proc_lseek)
        return de->proc_ops->proc_lseek(file, offset, whence);
    return default_llseek(file, offset, whence);
}

static __poll_t proc_reg_poll(struct file *file, struct poll_table_struct *pts)
{
    struct proc_dir_entry *de = file_inode(file)->i_private;
    if (de->proc_ops->proc_poll)
        return de->proc_ops->proc_poll(file, pts);
    return 0x0001 | 0x0004 | 0x0040 | 0x0100;   /* DEFAULT_POLLMASK */
}

static long proc_reg_unlocked_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    struct proc_dir_entry *de = file_inode(file)->i_private;
    if (!de->proc_ops->proc_ioctl)
        return -ENOTTY;
    return de->proc_ops->proc_ioctl(file, cmd, arg);
}

static int proc_reg_release(struct inode *inode, struct file *file)
{
    struct proc_dir_entry *de = inode->i_private;
    if (de->proc_ops->proc_release)
        return de->proc_ops->proc_release(inode, file);
    return 0;
}

static const struct file_operations proc_reg_file_ops = {
    .llseek = proc_reg_llseek,
    .read = proc_reg_read,
    .write = proc_reg_write,
    .poll = proc_reg_poll,
    .unlocked_ioctl = proc_reg_unlocked_ioctl,
    .open = proc_reg_open,
    .release = proc_reg_release,
};

/* The inode of /proc/a/b: the entry, found name by name from the root. */
int proc_lookup_path(const char *path, struct inode *inode)
{
    struct proc_dir_entry *de = &proc_root;
    const char *p = path + 6;   /* after "/proc/" */
    while (*p) {
        const char *slash = strchr(p, '/');
        int len = slash ? slash - p : strlen(p);
        if (len > 0) {
            de = find_child(de, p, len);
            if (!de)
                return -ENOENT;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    if (S_ISDIR(de->mode))
        return -EISDIR;   /* directories cannot be read in the model (no getdents) */
    inode->i_mode = de->mode;
    inode->i_size = de->size;
    inode->i_private = de;
    inode->i_fop = &proc_reg_file_ops;
    return 0;
}

/* fs/proc/devices.c */
int chrdev_show(struct seq_file *f, void *v);

int proc_devices_init(void)
{
    proc_create_single("devices", 0, NULL, chrdev_show);
    return 0;
}
