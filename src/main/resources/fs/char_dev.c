/*
 * spinlab's model of fs/char_dev.c, drivers/base/core.c (classes and device nodes),
 * drivers/base/devtmpfs.c (/dev) and drivers/char/misc.c: how a driver's file_operations
 * become reachable from open("/dev/x").
 *
 * As in the kernel: a driver reserves device numbers (register_chrdev_region,
 * alloc_chrdev_region, or register_chrdev which also adds a cdev for minors 0-255), adds a
 * cdev over a range of numbers (cdev_add), and a node in /dev names a number — made by
 * device_create (devtmpfs) or by mknod(2). Opening a node finds the cdev by major AND minor
 * (chrdev_open; the kernel's kobj_map), sets inode->i_cdev and the file's operations, and
 * calls the driver's open. /proc/devices lists the registered regions (chrdev_show).
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/miscdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/list.h>
#include <linux/seq_file.h>
#include <linux/mutex.h>

#define CHRDEV_MAJOR_HASH_SIZE 255
#define CHRDEV_MAJOR_DYN_END 234
#define CHRDEV_MAJOR_DYN_EXT_START 511
#define CHRDEV_MAJOR_DYN_EXT_END 384
#define DEVNAME_LEN 32

/* A registered range of device numbers (what /proc/devices lists). */
struct char_device_struct {
    struct char_device_struct *next;
    unsigned int major;
    unsigned int baseminor;
    int minorct;
    char name[64];
    struct cdev *cdev;   /* set by __register_chrdev */
};

static struct char_device_struct *chrdevs[CHRDEV_MAJOR_HASH_SIZE];

/* A NUL-terminated copy that fits (strscpy without the return value). */
static void copy_name(char *dst, const char *src, size_t size)
{
    strncpy(dst, src, size - 1);
    dst[size - 1] = '\0';
}

static int major_to_index(unsigned int major)
{
    return major % CHRDEV_MAJOR_HASH_SIZE;
}

struct class {
    const char *name;
};

struct device {
    struct class *cls;
    dev_t devt;
    void *drvdata;
    char name[DEVNAME_LEN];
};

/* A node of /dev: a name and the device number it stands for (devtmpfs or mknod). */
struct dev_node {
    char name[DEVNAME_LEN];
    dev_t devt;
    umode_t mode;
    struct list_head node;
};

static LIST_HEAD(dev_nodes);

/* The kernel's cdev_map: each added cdev over [dev, dev + count). */
struct cdev_entry {
    struct cdev *cdev;
    struct list_head node;
};

static LIST_HEAD(cdevs);

/* /proc/devices: the character majors with their names, in major order. */
int chrdev_show(struct seq_file *f, void *v)
{
    unsigned int major;
    seq_puts(f, "Character devices:\n");
    for (major = 0; major < CHRDEV_MAJOR_MAX; major++) {
        struct char_device_struct *cd;
        for (cd = chrdevs[major_to_index(major)]; cd; cd = cd->next)
            if (cd->major == major)
                seq_printf(f, "%3d %s\n", cd->major, cd->name);
    }
    seq_puts(f, "\nBlock devices:\n");
    return 0;
}

static int find_dynamic_major(void)
{
    int i;
    struct char_device_struct *cd;
    for (i = CHRDEV_MAJOR_HASH_SIZE - 1; i >= CHRDEV_MAJOR_DYN_END; i--)
        if (chrdevs[i] == NULL)
            return i;
    for (i = CHRDEV_MAJOR_DYN_EXT_START; i >= CHRDEV_MAJOR_DYN_EXT_END; i--) {
        for (cd = chrdevs[major_to_index(i)]; cd; cd = cd->next)
            if (cd->major == i)
                break;
        if (cd == NULL)
            return i;
    }
    return -EBUSY;
}

/* Reserves minors [baseminor, baseminor + minorct) of major (0: a free major is chosen). */
static struct char_device_struct *__register_chrdev_region(unsigned int major, unsigned int baseminor,
                                                           int minorct, const char *name)
{
    struct char_device_struct *cd, *curr, *prev = NULL;
    int ret;
    int i;

    if (major >= CHRDEV_MAJOR_MAX) {
        pr_err("CHRDEV \"%s\" major requested (%u) is greater than the maximum (%u)\n", name, major,
               CHRDEV_MAJOR_MAX - 1);
        return ERR_PTR(-EINVAL);
    }
    if (minorct > MINORMASK + 1 - baseminor) {
        pr_err("CHRDEV \"%s\" minor range requested (%u-%u) is out of range of maximum range (%u-%u) for a single major\n",
               name, baseminor, baseminor + minorct - 1, 0, MINORMASK);
        return ERR_PTR(-EINVAL);
    }
    cd = kzalloc(sizeof(struct char_device_struct), GFP_KERNEL);
    if (cd == NULL)
        return ERR_PTR(-ENOMEM);
    if (major == 0) {
        ret = find_dynamic_major();
        if (ret < 0) {
            pr_err("CHRDEV \"%s\" dynamic allocation region is full\n", name);
            kfree(cd);
            return ERR_PTR(ret);
        }
        major = ret;
    }
    i = major_to_index(major);
    for (curr = chrdevs[i]; curr; prev = curr, curr = curr->next) {
        if (curr->major < major)
            continue;
        if (curr->major > major)
            break;
        if (curr->baseminor + curr->minorct <= baseminor)
            continue;
        if (curr->baseminor >= baseminor + minorct)
            break;
        kfree(cd);
        return ERR_PTR(-EBUSY);
    }
    cd->major = major;
    cd->baseminor = baseminor;
    cd->minorct = minorct;
    copy_name(cd->name, name, sizeof(cd->name));
    if (!prev) {
        cd->next = curr;
        chrdevs[i] = cd;
    } else {
        cd->next = prev->next;
        prev->next = cd;
    }
    return cd;
}

static struct char_device_struct *__unregister_chrdev_region(unsigned int major, unsigned int baseminor, int minorct)
{
    struct char_device_struct *cd = NULL, **cp;
    int i = major_to_index(major);
    for (cp = &chrdevs[i]; *cp; cp = &(*cp)->next)
        if ((*cp)->major == major && (*cp)->baseminor == baseminor && (*cp)->minorct == minorct)
            break;
    if (*cp) {
        cd = *cp;
        *cp = cd->next;
    }
    return cd;
}

int register_chrdev_region(dev_t from, unsigned count, const char *name)
{
    struct char_device_struct *cd;
    dev_t to = from + count;
    dev_t n, next;

    for (n = from; n < to; n = next) {
        next = MKDEV(MAJOR(n) + 1, 0);
        if (next > to)
            next = to;
        cd = __register_chrdev_region(MAJOR(n), MINOR(n), next - n, name);
        if (IS_ERR(cd))
            goto fail;
    }
    return 0;
fail:
    to = n;
    for (n = from; n < to; n = next) {
        next = MKDEV(MAJOR(n) + 1, 0);
        kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
    }
    return PTR_ERR(cd);
}

int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name)
{
    struct char_device_struct *cd = __register_chrdev_region(0, baseminor, count, name);
    if (IS_ERR(cd))
        return PTR_ERR(cd);
    *dev = MKDEV(cd->major, cd->baseminor);
    return 0;
}

void unregister_chrdev_region(dev_t from, unsigned count)
{
    dev_t to = from + count;
    dev_t n, next;
    for (n = from; n < to; n = next) {
        next = MKDEV(MAJOR(n) + 1, 0);
        if (next > to)
            next = to;
        kfree(__unregister_chrdev_region(MAJOR(n), MINOR(n), next - n));
    }
}

void cdev_init(struct cdev *cdev, const struct file_operations *fops)
{
    memset(cdev, 0, sizeof(*cdev));
    cdev->ops = fops;
}

struct cdev *cdev_alloc(void)
{
    return kzalloc(sizeof(struct cdev), GFP_KERNEL);
}

int cdev_add(struct cdev *cdev, dev_t dev, unsigned int count)
{
    struct cdev_entry *e;
    if (count == 0)
        return -EINVAL;
    e = kzalloc(sizeof(*e), GFP_KERNEL);
    if (!e)
        return -ENOMEM;
    cdev->dev = dev;
    cdev->count = count;
    e->cdev = cdev;
    list_add(&e->node, &cdevs);   /* the newest mapping wins, as kobj_map's probes do */
    return 0;
}

void cdev_del(struct cdev *cdev)
{
    struct list_head *pos;
    for (pos = cdevs.next; pos != &cdevs; pos = pos->next) {
        struct cdev_entry *e = list_entry(pos, struct cdev_entry, node);
        if (e->cdev == cdev) {
            list_del(&e->node);
            kfree(e);
            return;
        }
    }
}

/* kobj_lookup(cdev_map, dev): the cdev whose range holds dev, by major and minor. */
static struct cdev *cdev_lookup(dev_t dev)
{
    struct list_head *pos;
    for (pos = cdevs.next; pos != &cdevs; pos = pos->next) {
        struct cdev *c = list_entry(pos, struct cdev_entry, node)->cdev;
        if (dev >= c->dev && dev - c->dev < c->count)
            return c;
    }
    return NULL;
}

/* register_chrdev(): minors [baseminor, baseminor + count) of major, with a cdev over them. */
int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name,
                      const struct file_operations *fops)
{
    struct char_device_struct *cd;
    struct cdev *cdev;
    int err;

    cd = __register_chrdev_region(major, baseminor, count, name);
    if (IS_ERR(cd))
        return PTR_ERR(cd);
    cdev = cdev_alloc();
    if (!cdev) {
        kfree(__unregister_chrdev_region(cd->major, baseminor, count));
        return -ENOMEM;
    }
    cdev->ops = fops;
    err = cdev_add(cdev, MKDEV(cd->major, baseminor), count);
    if (err) {
        kfree(cdev);
        kfree(__unregister_chrdev_region(cd->major, baseminor, count));
        return err;
    }
    cd->cdev = cdev;
    return major ? 0 : cd->major;
}

void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count, const char *name)
{
    struct char_device_struct *cd = __unregister_chrdev_region(major, baseminor, count);
    if (cd && cd->cdev) {
        cdev_del(cd->cdev);
        kfree(cd->cdev);
    }
    kfree(cd);
}

int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
    return __register_chrdev(major, 0, 256, name, fops);
}

void unregister_chrdev(unsigned int major, const char *name)
{
    __unregister_chrdev(major, 0, 256, name);
}

/* def_chr_fops' open: find the driver by the inode's number, then call its open. */
int chrdev_open(struct inode *inode, struct file *filp)
{
    struct cdev *p = cdev_lookup(inode->i_rdev);
    if (!p)
        return -ENXIO;
    inode->i_cdev = p;
    filp->f_op = p->ops;
    if (!filp->f_op)
        return -ENXIO;
    if (filp->f_op->open)
        return filp->f_op->open(inode, filp);
    return 0;
}

const struct file_operations def_chr_fops = {
    .open = chrdev_open,
    .llseek = noop_llseek,
};

/* /dev: devtmpfs's nodes and mknod(2)'s. */
int devtmpfs_create_node_model(const char *name, dev_t devt, umode_t mode)
{
    struct dev_node *n;
    struct list_head *pos;
    for (pos = dev_nodes.next; pos != &dev_nodes; pos = pos->next)
        if (strcmp(list_entry(pos, struct dev_node, node)->name, name) == 0)
            return -EEXIST;
    n = kzalloc(sizeof(*n), GFP_KERNEL);
    if (!n)
        return -ENOMEM;
    copy_name(n->name, name, DEVNAME_LEN);
    n->devt = devt;
    n->mode = mode;
    list_add_tail(&n->node, &dev_nodes);
    return 0;
}

static void devtmpfs_delete_node_model(const char *name)
{
    struct list_head *pos;
    for (pos = dev_nodes.next; pos != &dev_nodes; pos = pos->next) {
        struct dev_node *n = list_entry(pos, struct dev_node, node);
        if (strcmp(n->name, name) == 0) {
            list_del(&n->node);
            kfree(n);
            return;
        }
    }
}

/* The node /dev/NAME: its device number; -ENOENT when there is none. */
int devnode_lookup(const char *path, dev_t *devt)
{
    struct list_head *pos;
    if (strncmp(path, "/dev/", 5) != 0)
        return -ENOENT;
    for (pos = dev_nodes.next; pos != &dev_nodes; pos = pos->next) {
        struct dev_node *n = list_entry(pos, struct dev_node, node);
        if (strcmp(n->name, path + 5) == 0) {
            *devt = n->devt;
            return 0;
        }
    }
    return -ENOENT;
}

static struct class *class_create_common(const char *name)
{
    struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
    cls->name = name;
    return cls;
}

struct class *__spinlab_class_create_name(const char *name)
{
    return class_create_common(name);
}

struct class *__spinlab_class_create_owner_name(struct module *owner, const char *name)
{
    return class_create_common(name);
}

void class_destroy(struct class *cls)
{
    kfree(cls);
}

/* Devices made by device_create, for device_destroy (which names them by class and number). */
struct device_entry {
    struct device *dev;
    struct list_head node;
};

static LIST_HEAD(devices);

/* The device and, for a number with a major, its node in /dev (devtmpfs). */
struct device *__spinlab_device_create(struct class *cls, struct device *parent, dev_t devt, void *drvdata,
                                       const char *name)
{
    struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
    struct device_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);
    if (!dev || !e)
        return ERR_PTR(-ENOMEM);
    dev->cls = cls;
    dev->devt = devt;
    dev->drvdata = drvdata;
    copy_name(dev->name, name, DEVNAME_LEN);
    if (MAJOR(devt))
        devtmpfs_create_node_model(name, devt, S_IFCHR | 0600);
    e->dev = dev;
    list_add_tail(&e->node, &devices);
    return dev;
}

void device_destroy(struct class *cls, dev_t devt)
{
    struct list_head *pos;
    for (pos = devices.next; pos != &devices; pos = pos->next) {
        struct device_entry *e = list_entry(pos, struct device_entry, node);
        if (e->dev->cls == cls && e->dev->devt == devt) {
            devtmpfs_delete_node_model(e->dev->name);
            list_del(&e->node);
            kfree(e->dev);
            kfree(e);
            return;
        }
    }
}

void *dev_get_drvdata(const struct device *dev)
{
    return dev->drvdata;
}

void dev_set_drvdata(struct device *dev, void *data)
{
    dev->drvdata = data;
}

const char *dev_name(const struct device *dev)
{
    return dev->name;
}

/* drivers/char/misc.c: major 10, one driver per minor, found at open by misc_open. */
#define DYNAMIC_MINORS 128

static LIST_HEAD(misc_list);
static unsigned char misc_minors_used[DYNAMIC_MINORS];

static int misc_open(struct inode *inode, struct file *file)
{
    int minor = iminor(inode);
    struct list_head *pos;
    const struct file_operations *new_fops = NULL;
    struct miscdevice *c = NULL;

    for (pos = misc_list.next; pos != &misc_list; pos = pos->next) {
        c = list_entry(pos, struct miscdevice, list);
        if (c->minor == minor) {
            new_fops = c->fops;
            break;
        }
    }
    if (!new_fops)
        return -ENODEV;
    /* the driver's open finds its miscdevice in private_data, as since 2.6.39 */
    file->private_data = c;
    file->f_op = new_fops;
    if (file->f_op->open)
        return file->f_op->open(inode, file);
    return 0;
}

static const struct file_operations misc_fops = {
    .open = misc_open,
    .llseek = noop_llseek,
};

int misc_init(void)
{
    return register_chrdev(MISC_MAJOR, "misc", &misc_fops);
}

int misc_register(struct miscdevice *misc)
{
    struct list_head *pos;
    if (misc->minor == MISC_DYNAMIC_MINOR) {
        int i;
        for (i = 0; i < DYNAMIC_MINORS; i++)
            if (!misc_minors_used[i])
                break;
        if (i == DYNAMIC_MINORS)
            return -EBUSY;
        misc_minors_used[i] = 1;
        misc->minor = DYNAMIC_MINORS - i - 1;
    } else {
        for (pos = misc_list.next; pos != &misc_list; pos = pos->next)
            if (list_entry(pos, struct miscdevice, list)->minor == misc->minor)
                return -EBUSY;
    }
    misc->this_device = __spinlab_device_create(NULL, misc->parent, MKDEV(MISC_MAJOR, misc->minor), misc,
                                                misc->nodename ? misc->nodename : misc->name);
    list_add(&misc->list, &misc_list);
    return 0;
}

void misc_deregister(struct miscdevice *misc)
{
    if (misc->minor < DYNAMIC_MINORS)
        misc_minors_used[DYNAMIC_MINORS - misc->minor - 1] = 0;
    list_del(&misc->list);
    device_destroy(NULL, MKDEV(MISC_MAJOR, misc->minor));
}

/*
 * drivers/base/core.c: the string dev_printk() puts before the device's name: the driver's
 * name if bound, else the bus's, else the class's. The model's devices have no driver or bus;
 * misc devices belong to the "misc" class.
 */
const char *dev_driver_string(const struct device *dev)
{
    if (dev->cls)
        return dev->cls->name;
    if (MAJOR(dev->devt) == MISC_MAJOR)
        return "misc";
    return "";
}
