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

/*
 * drivers/base/class.c and core.c: classes and devices. Their sysfs directories
 * (/sys/class/CLASS/NAME) are made when the first attribute goes in them: with no directory
 * listing in the model, an empty directory cannot be told from a missing one, and runs whose
 * drivers add no attributes do no sysfs work.
 */
static struct kobject *class_root;   /* /sys/class */

/* /sys/class/NAME: a kobject that knows its class (the kernel's subsys_private). */
struct class_dir {
    struct kobject kobj;
    const struct class *cls;
};

static ssize_t class_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
    struct class_attribute *ca = container_of(attr, struct class_attribute, attr);
    if (ca->show)
        return ca->show(container_of(kobj, struct class_dir, kobj)->cls, ca, buf);
    return -EIO;
}

static ssize_t class_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
    struct class_attribute *ca = container_of(attr, struct class_attribute, attr);
    if (ca->store)
        return ca->store(container_of(kobj, struct class_dir, kobj)->cls, ca, buf, count);
    return -EIO;
}

static const struct sysfs_ops class_sysfs_ops = {
    .show = class_attr_show,
    .store = class_attr_store,
};

static void class_dir_release(struct kobject *kobj)
{
    kfree(container_of(kobj, struct class_dir, kobj));
}

static const struct kobj_type class_dir_ktype = {
    .release = class_dir_release,
    .sysfs_ops = &class_sysfs_ops,
};

static struct kobject *class_kobj(const struct class *cls)
{
    struct class *c = (struct class *)cls;
    struct class_dir *d;
    if (c->__spinlab_kobj)
        return c->__spinlab_kobj;
    if (!class_root)
        class_root = kobject_create_and_add("class", NULL);
    d = kzalloc(sizeof(*d), GFP_KERNEL);
    if (!class_root || !d)
        return NULL;
    d->cls = cls;
    if (__spinlab_kobject_init_and_add(&d->kobj, &class_dir_ktype, class_root, c->name)) {
        kobject_put(&d->kobj);
        return NULL;
    }
    c->__spinlab_kobj = &d->kobj;
    return &d->kobj;
}

int class_register(struct class *cls)
{
    if (cls->class_groups) {
        struct kobject *k = class_kobj(cls);
        if (!k)
            return -ENOMEM;
        return sysfs_create_groups(k, cls->class_groups);
    }
    return 0;
}

void class_unregister(const struct class *cls)
{
    struct class *c = (struct class *)cls;
    if (c->__spinlab_kobj) {
        kobject_put(c->__spinlab_kobj);
        c->__spinlab_kobj = NULL;
    }
    if (c->class_release)
        c->class_release(c);
}

static struct class *class_create_common(const char *name)
{
    struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
    if (!cls)
        return ERR_PTR(-ENOMEM);
    cls->name = name;
    cls->__spinlab_dynamic = 1;
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

void class_destroy(const struct class *cls)
{
    if (IS_ERR_OR_NULL(cls))
        return;
    class_unregister(cls);
    if (cls->__spinlab_dynamic)
        kfree(cls);
}

int class_create_file(const struct class *cls, const struct class_attribute *attr)
{
    struct kobject *k = class_kobj(cls);
    if (!k)
        return -ENOMEM;
    return sysfs_create_file(k, &attr->attr);
}

void class_remove_file(const struct class *cls, const struct class_attribute *attr)
{
    if (cls->__spinlab_kobj)
        sysfs_remove_file(cls->__spinlab_kobj, &attr->attr);
}

/* drivers/base/core.c: dev_attr_show/dev_attr_store, the device kobjects' sysfs_ops. */
static ssize_t dev_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
    struct device_attribute *da = container_of(attr, struct device_attribute, attr);
    if (da->show)
        return da->show(kobj_to_dev(kobj), da, buf);
    return -EIO;
}

static ssize_t dev_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
    struct device_attribute *da = container_of(attr, struct device_attribute, attr);
    if (da->store)
        return da->store(kobj_to_dev(kobj), da, buf, count);
    return -EIO;
}

static const struct sysfs_ops dev_sysfs_ops = {
    .show = dev_attr_show,
    .store = dev_attr_store,
};

/* The device's memory is the driver's or device_create's to free, not the kobject's. */
static void device_kobj_release(struct kobject *kobj)
{
}

static const struct kobj_type device_ktype = {
    .release = device_kobj_release,
    .sysfs_ops = &dev_sysfs_ops,
};

static struct kobject *devices_root;   /* /sys/devices */
static struct kobject *virtual_root;   /* /sys/devices/virtual */
static struct kobject *platform_root;  /* /sys/devices/platform */

/* /sys/class/CLASS/NAME (or /sys/devices/virtual/NAME), added on first use. */
static struct kobject *device_kobj(struct device *dev)
{
    struct kobject *parent;
    if (dev->kobj.state_in_sysfs)
        return &dev->kobj;
    if (dev->class) {
        parent = class_kobj(dev->class);
    } else if (dev->bus) {
        /* /sys/devices/platform/NAME: the model's one bus */
        if (!platform_root) {
            if (!devices_root)
                devices_root = kobject_create_and_add("devices", NULL);
            platform_root = kobject_create_and_add("platform", devices_root);
        }
        parent = platform_root;
    } else {
        if (!virtual_root) {
            if (!devices_root)
                devices_root = kobject_create_and_add("devices", NULL);
            virtual_root = kobject_create_and_add("virtual", devices_root);
        }
        parent = virtual_root;
    }
    if (!parent)
        return NULL;
    if (!dev->kobj.state_initialized)
        kobject_init(&dev->kobj, &device_ktype);
    if (__spinlab_kobject_add(&dev->kobj, parent, dev->__spinlab_name))
        return NULL;
    return &dev->kobj;
}

int device_create_file(struct device *dev, const struct device_attribute *attr)
{
    struct kobject *k;
    if (!dev)
        return -EINVAL;
    k = device_kobj(dev);
    if (!k)
        return -ENOMEM;
    return sysfs_create_file(k, &attr->attr);
}

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
    if (dev && dev->kobj.state_in_sysfs)
        sysfs_remove_file(&dev->kobj, &attr->attr);
}

int device_add_group(struct device *dev, const struct attribute_group *grp)
{
    struct kobject *k = device_kobj(dev);
    if (!k)
        return -ENOMEM;
    return sysfs_create_group(k, grp);
}

void device_remove_group(struct device *dev, const struct attribute_group *grp)
{
    if (dev->kobj.state_in_sysfs)
        sysfs_remove_group(&dev->kobj, grp);
}

int device_add_groups(struct device *dev, const struct attribute_group **groups)
{
    struct kobject *k;
    if (!groups)
        return 0;
    k = device_kobj(dev);
    if (!k)
        return -ENOMEM;
    return sysfs_create_groups(k, groups);
}

void device_remove_groups(struct device *dev, const struct attribute_group **groups)
{
    if (groups && dev->kobj.state_in_sysfs)
        sysfs_remove_groups(&dev->kobj, groups);
}

/* Devices made by device_create, for device_destroy (which names them by class and number). */
struct device_entry {
    struct device *dev;
    char node_name[DEVNAME_LEN];   /* its /dev node, if it has one */
    struct list_head node;
};

static LIST_HEAD(devices);

/*
 * device_create_groups_vargs: the device, its attribute groups (the class's dev_groups, then
 * the device's own, as device_add_attrs does) and, for a number with a major, its node in
 * /dev (devtmpfs, named by the class's devnode() when it gives a name).
 */
struct device *__spinlab_device_create_with_groups(const struct class *cls, struct device *parent, dev_t devt,
                                                   void *drvdata, const struct attribute_group **groups,
                                                   const char *name)
{
    struct device *dev = kzalloc(sizeof(*dev), GFP_KERNEL);
    struct device_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);
    const char *node = name;
    char *tmp = NULL;
    umode_t mode = 0;
    if (!dev || !e)
        return ERR_PTR(-ENOMEM);
    dev->class = cls;
    dev->parent = parent;
    dev->devt = devt;
    dev->driver_data = drvdata;
    dev->groups = groups;
    copy_name(dev->__spinlab_name, name, DEVNAME_LEN);
    if ((cls && cls->dev_groups && device_add_groups(dev, cls->dev_groups)) ||
        device_add_groups(dev, groups)) {
        kobject_del(&dev->kobj);
        kfree(dev);
        kfree(e);
        return ERR_PTR(-ENOMEM);
    }
    if (cls && cls->devnode) {
        tmp = cls->devnode(dev, &mode);
        if (tmp)
            node = tmp;
    }
    if (MAJOR(devt)) {
        devtmpfs_create_node_model(node, devt, S_IFCHR | (mode ? mode : 0600));
        copy_name(e->node_name, node, DEVNAME_LEN);
    }
    kfree(tmp);
    e->dev = dev;
    list_add_tail(&e->node, &devices);
    return dev;
}

struct device *__spinlab_device_create(const struct class *cls, struct device *parent, dev_t devt, void *drvdata,
                                       const char *name)
{
    return __spinlab_device_create_with_groups(cls, parent, devt, drvdata, NULL, name);
}

void device_destroy(const struct class *cls, dev_t devt)
{
    struct list_head *pos;
    for (pos = devices.next; pos != &devices; pos = pos->next) {
        struct device_entry *e = list_entry(pos, struct device_entry, node);
        if (e->dev->class == cls && e->dev->devt == devt) {
            if (e->node_name[0])
                devtmpfs_delete_node_model(e->node_name);
            list_del(&e->node);
            devres_release_all(e->dev);
            kobject_del(&e->dev->kobj);
            kfree(e->dev);
            kfree(e);
            return;
        }
    }
}

void *dev_get_drvdata(const struct device *dev)
{
    return dev->driver_data;
}

void dev_set_drvdata(struct device *dev, void *data)
{
    dev->driver_data = data;
}

const char *dev_name(const struct device *dev)
{
    return dev->__spinlab_name;
}

/* drivers/char/misc.c: major 10, one driver per minor, found at open by misc_open. */
#define DYNAMIC_MINORS 128

static LIST_HEAD(misc_list);
static struct class misc_class = { .name = "misc" };
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
    misc->this_device = __spinlab_device_create_with_groups(&misc_class, misc->parent, MKDEV(MISC_MAJOR, misc->minor),
                                                            misc, misc->groups,
                                                            misc->nodename ? misc->nodename : misc->name);
    if (IS_ERR(misc->this_device)) {
        if (misc->minor < DYNAMIC_MINORS)
            misc_minors_used[DYNAMIC_MINORS - misc->minor - 1] = 0;
        return PTR_ERR(misc->this_device);
    }
    list_add(&misc->list, &misc_list);
    return 0;
}

void misc_deregister(struct miscdevice *misc)
{
    if (misc->minor < DYNAMIC_MINORS)
        misc_minors_used[DYNAMIC_MINORS - misc->minor - 1] = 0;
    list_del(&misc->list);
    device_destroy(&misc_class, MKDEV(MISC_MAJOR, misc->minor));
}

/*
 * drivers/base/core.c: the string dev_printk() puts before the device's name: the driver's
 * name if bound, else the bus's, else the class's. The model's devices have no driver or bus;
 * misc devices belong to the "misc" class.
 */
const char *dev_driver_string(const struct device *dev)
{
    if (dev->driver)
        return dev->driver->name;
    if (dev->bus)
        return dev->bus->name;
    if (dev->class)
        return dev->class->name;
    return "";
}
