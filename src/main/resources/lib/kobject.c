/*
 * spinlab's model of lib/kobject.c and fs/sysfs/file.c: kobjects as /sys directories and
 * their attributes as files. A read of an attribute file calls the kobject type's
 * sysfs_ops->show into a page (once, at offset 0, as sysfs does) and serves the reads from
 * it; a write hands the whole written text, NUL-terminated, to ->store. A kobject made by
 * kobject_create_and_add has kobj_sysfs_ops, which call the struct kobj_attribute's methods.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/err.h>

#define SYSFS_PAGE 4096

/* An attribute file: which kobject, which attribute. */
struct sysfs_file {
    struct kobject *kobj;
    const struct attribute *attr;
    const struct attribute_group *grp;   /* the named group it is under, or NULL */
    struct list_head node;
};

static struct kobject sysfs_root = { .name = "sys" };
static struct kobject kernel_kobj_s;
struct kobject *kernel_kobj;
struct kobject *mm_kobj;
struct kobject *firmware_kobj;
struct kobject *fs_kobj;

static ssize_t kobj_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
    struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute, attr);
    if (kattr->show)
        return kattr->show(kobj, kattr, buf);
    return -EIO;
}

static ssize_t kobj_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
    struct kobj_attribute *kattr = container_of(attr, struct kobj_attribute, attr);
    if (kattr->store)
        return kattr->store(kobj, kattr, buf, count);
    return -EIO;
}

const struct sysfs_ops kobj_sysfs_ops = {
    .show = kobj_attr_show,
    .store = kobj_attr_store,
};

static void dynamic_kobj_release(struct kobject *kobj)
{
    kfree(kobj);
}

static const struct kobj_type dynamic_kobj_ktype = {
    .release = dynamic_kobj_release,
    .sysfs_ops = &kobj_sysfs_ops,
};

static void init_lists(struct kobject *kobj)
{
    INIT_LIST_HEAD(&kobj->entry);
    INIT_LIST_HEAD(&kobj->children);
    INIT_LIST_HEAD(&kobj->files);
}

static struct kobject *child_named(struct kobject *parent, const char *name, int len)
{
    struct list_head *pos;
    for (pos = parent->children.next; pos != &parent->children; pos = pos->next) {
        struct kobject *k = list_entry(pos, struct kobject, entry);
        if ((int)strlen(k->name) == len && strncmp(k->name, name, len) == 0)
            return k;
    }
    return NULL;
}

/* ksysfs_init: /sys/kernel (and the other top directories) exist from boot. */
int ksysfs_init(void)
{
    init_lists(&sysfs_root);
    kobject_init(&kernel_kobj_s, &dynamic_kobj_ktype);
    kernel_kobj_s.refcount = 1000000;   /* never released */
    __spinlab_kobject_add(&kernel_kobj_s, NULL, "kernel");
    kernel_kobj = &kernel_kobj_s;
    return 0;
}

void kobject_init(struct kobject *kobj, const struct kobj_type *ktype)
{
    if (kobj->state_initialized)
        pr_err("kobject (%p): tried to init an initialized object, something is seriously wrong.\n", kobj);
    init_lists(kobj);
    kobj->ktype = ktype;
    kobj->refcount = 1;
    kobj->state_initialized = 1;
}

int __spinlab_kobject_add(struct kobject *kobj, struct kobject *parent, const char *name)
{
    struct kobject *dir;
    int err;
    /* kobject_add_internal: with no parent, a kobject in a kset goes in the kset's directory */
    if (!parent && kobj->kset)
        parent = &kobj->kset->kobj;
    dir = parent ? parent : &sysfs_root;
    if (!kobj->state_initialized) {
        pr_err("kobject '%s' (%p): tried to add an uninitialized object, something is seriously wrong.\n", name,
               kobj);
        dump_stack();
        return -EINVAL;
    }
    if (child_named(dir, name, strlen(name))) {
        pr_err("sysfs: cannot create duplicate filename '/%s/%s'\n", dir == &sysfs_root ? "sys" : dir->name, name);
        return -EEXIST;
    }
    kobj->name = name;
    kobj->parent = dir;
    if (parent)
        kobject_get(parent);
    list_add_tail(&kobj->entry, &dir->children);
    kobj->state_in_sysfs = 1;
    /* sysfs_create_dir then the type's default attribute groups (kobject_add_internal) */
    if (kobj->ktype && kobj->ktype->default_groups) {
        err = sysfs_create_groups(kobj, kobj->ktype->default_groups);
        if (err) {
            kobject_del(kobj);
            return err;
        }
    }
    return 0;
}

int __spinlab_kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype, struct kobject *parent,
                                   const char *name)
{
    kobject_init(kobj, ktype);
    return __spinlab_kobject_add(kobj, parent, name);
}

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent)
{
    struct kobject *kobj = kzalloc(sizeof(*kobj), GFP_KERNEL);
    char *copy;
    if (!kobj)
        return NULL;
    kobject_init(kobj, &dynamic_kobj_ktype);
    copy = kmalloc(strlen(name) + 1, GFP_KERNEL);
    strcpy(copy, name);
    if (__spinlab_kobject_add(kobj, parent, copy)) {
        kobject_put(kobj);
        return NULL;
    }
    return kobj;
}

struct kobject *kobject_get(struct kobject *kobj)
{
    if (kobj)
        kobj->refcount++;
    return kobj;
}

static void remove_files(struct kobject *kobj)
{
    while (!list_empty(&kobj->files)) {
        struct sysfs_file *f = list_entry(kobj->files.next, struct sysfs_file, node);
        list_del(&f->node);
        kfree(f);
    }
}

void kobject_del(struct kobject *kobj)
{
    struct kobject *parent;
    if (!kobj || !kobj->state_in_sysfs)
        return;
    parent = kobj->parent;
    remove_files(kobj);
    list_del_init(&kobj->entry);
    kobj->state_in_sysfs = 0;
    kobj->parent = NULL;
    if (parent && parent != &sysfs_root)
        kobject_put(parent);
}

void kobject_put(struct kobject *kobj)
{
    if (!kobj)
        return;
    if (!kobj->state_initialized)
        WARN(1, "kobject: '%s' (%p): is not initialized, yet kobject_put() is being called.\n",
             kobj->name ? kobj->name : "(null)", kobj);
    if (--kobj->refcount > 0)
        return;
    kobject_del(kobj);
    if (kobj->ktype && kobj->ktype->release)
        kobj->ktype->release(kobj);
    else
        pr_err("kobject: '%s' (%p): does not have a release() function, it is broken and must be fixed.\n",
               kobj->name ? kobj->name : "(null)", kobj);
}

const char *kobject_name(const struct kobject *kobj)
{
    return kobj->name;
}

int kobject_uevent(struct kobject *kobj, int action)
{
    return 0;   /* no user space listens for uevents in the model */
}

/* fs/sysfs/file.c */
static int add_file(struct kobject *kobj, const struct attribute *attr, const struct attribute_group *grp)
{
    struct sysfs_file *f;
    struct list_head *pos;
    if (!kobj || !attr)
        return -EINVAL;
    for (pos = kobj->files.next; pos != &kobj->files; pos = pos->next) {
        struct sysfs_file *o = list_entry(pos, struct sysfs_file, node);
        if (o->grp == grp && strcmp(o->attr->name, attr->name) == 0) {
            pr_err("sysfs: cannot create duplicate filename '%s/%s'\n", kobj->name, attr->name);
            return -EEXIST;
        }
    }
    f = kzalloc(sizeof(*f), GFP_KERNEL);
    if (!f)
        return -ENOMEM;
    f->kobj = kobj;
    f->attr = attr;
    f->grp = grp;
    list_add_tail(&f->node, &kobj->files);
    return 0;
}

static void remove_file(struct kobject *kobj, const struct attribute *attr)
{
    struct list_head *pos;
    for (pos = kobj->files.next; pos != &kobj->files; pos = pos->next) {
        struct sysfs_file *f = list_entry(pos, struct sysfs_file, node);
        if (f->attr == attr) {
            list_del(&f->node);
            kfree(f);
            return;
        }
    }
}

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr)
{
    return add_file(kobj, attr, NULL);
}

void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr)
{
    remove_file(kobj, attr);
}

int sysfs_create_files(struct kobject *kobj, const struct attribute * const *ptr)
{
    int err = 0;
    int i;
    for (i = 0; ptr[i] && !err; i++)
        err = sysfs_create_file(kobj, ptr[i]);
    if (err)
        while (--i >= 0)
            sysfs_remove_file(kobj, ptr[i]);
    return err;
}

void sysfs_remove_files(struct kobject *kobj, const struct attribute * const *ptr)
{
    int i;
    for (i = 0; ptr[i]; i++)
        sysfs_remove_file(kobj, ptr[i]);
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
    int i;
    int err = 0;
    if (!grp->attrs) {
        WARN(1, "sysfs: (bin_)attrs not set by subsystem for group: %s/%s\n", kobj->name,
             grp->name ? grp->name : "");
        return -EINVAL;
    }
    for (i = 0; grp->attrs[i]; i++) {
        if (grp->is_visible && !grp->is_visible(kobj, grp->attrs[i], i))
            continue;
        err = add_file(kobj, grp->attrs[i], grp->name ? grp : NULL);
        if (err)
            break;
    }
    if (err)
        while (--i >= 0)
            remove_file(kobj, grp->attrs[i]);
    return err;
}

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
    int i;
    for (i = 0; grp->attrs && grp->attrs[i]; i++)
        remove_file(kobj, grp->attrs[i]);
}

int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
    int i;
    int err = 0;
    for (i = 0; groups && groups[i]; i++) {
        err = sysfs_create_group(kobj, groups[i]);
        if (err) {
            while (--i >= 0)
                sysfs_remove_group(kobj, groups[i]);
            break;
        }
    }
    return err;
}

void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
    int i;
    for (i = 0; groups && groups[i]; i++)
        sysfs_remove_group(kobj, groups[i]);
}

void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr)
{
}

/* An open attribute file: the page show() filled, filled at the first read. */
struct sysfs_open_file {
    struct sysfs_file *sf;
    char *page;
    ssize_t len;
};

static const struct sysfs_ops *ops_of(struct kobject *kobj)
{
    return kobj->ktype && kobj->ktype->sysfs_ops ? kobj->ktype->sysfs_ops : &kobj_sysfs_ops;
}

static int sysfs_kf_open(struct inode *inode, struct file *file)
{
    struct sysfs_file *sf = inode->i_private;
    const struct sysfs_ops *ops = ops_of(sf->kobj);
    struct sysfs_open_file *of;
    /* kernfs refuses what the attribute cannot do */
    if ((file->f_mode & FMODE_WRITE) && (!(sf->attr->mode & 0222) || !ops->store))
        return -EACCES;
    if ((file->f_mode & FMODE_READ) && (!(sf->attr->mode & 0444) || !ops->show))
        return -EACCES;
    of = kzalloc(sizeof(*of), GFP_KERNEL);
    if (!of)
        return -ENOMEM;
    of->sf = sf;
    of->len = -1;
    file->private_data = of;
    return 0;
}

static ssize_t sysfs_kf_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
    struct sysfs_open_file *of = file->private_data;
    const struct sysfs_ops *ops = ops_of(of->sf->kobj);
    if (*ppos == 0 || of->len < 0) {
        if (!of->page)
            of->page = kzalloc(SYSFS_PAGE, GFP_KERNEL);
        memset(of->page, 0, SYSFS_PAGE);
        of->len = ops->show(of->sf->kobj, (struct attribute *)of->sf->attr, of->page);
        if (of->len < 0)
            return of->len;
        if (of->len >= SYSFS_PAGE) {
            pr_warn("fill_read_buffer: %pS returned bad count\n", ops->show);
            of->len = SYSFS_PAGE - 1;
        }
    }
    return simple_read_from_buffer(buf, count, ppos, of->page, of->len);
}

static ssize_t sysfs_kf_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
    struct sysfs_open_file *of = file->private_data;
    const struct sysfs_ops *ops = ops_of(of->sf->kobj);
    char *page;
    ssize_t ret;
    if (count >= SYSFS_PAGE)
        count = SYSFS_PAGE - 1;
    page = kzalloc(SYSFS_PAGE, GFP_KERNEL);
    if (!page)
        return -ENOMEM;
    if (copy_from_user(page, buf, count)) {
        kfree(page);
        return -EFAULT;
    }
    page[count] = '\0';
    ret = ops->store(of->sf->kobj, (struct attribute *)of->sf->attr, page, count);
    kfree(page);
    if (ret > 0)
        *ppos += ret;
    return ret;
}

static int sysfs_kf_release(struct inode *inode, struct file *file)
{
    struct sysfs_open_file *of = file->private_data;
    kfree(of->page);
    kfree(of);
    return 0;
}

static const struct file_operations sysfs_file_fops = {
    .open = sysfs_kf_open,
    .read = sysfs_kf_read,
    .write = sysfs_kf_write,
    .release = sysfs_kf_release,
    .llseek = default_llseek,
};

/* The inode of /sys/a/b/attr (or .../group/attr): its kobject by name from the root, then the file. */
int sysfs_lookup_path(const char *path, struct inode *inode)
{
    struct kobject *k = &sysfs_root;
    const char *p = path + 5;   /* after "/sys/" */
    while (*p) {
        const char *slash = strchr(p, '/');
        struct kobject *c;
        struct list_head *pos;
        int len = slash ? slash - p : strlen(p);
        c = child_named(k, p, len);
        if (c) {
            k = c;
        } else {
            /* an attribute of k, directly or in the named group p[0..len) */
            const char *fname = p;
            const char *gname = NULL;
            int glen = 0;
            if (slash) {
                gname = p;
                glen = len;
                fname = slash + 1;
                if (strchr(fname, '/'))
                    return -ENOENT;
            }
            for (pos = k->files.next; pos != &k->files; pos = pos->next) {
                struct sysfs_file *f = list_entry(pos, struct sysfs_file, node);
                if (strcmp(f->attr->name, fname) != 0)
                    continue;
                if (gname ? (f->grp && (int)strlen(f->grp->name) == glen && strncmp(f->grp->name, gname, glen) == 0)
                          : f->grp == NULL) {
                    inode->i_mode = S_IFREG | f->attr->mode;
                    inode->i_size = SYSFS_PAGE;
                    inode->i_private = f;
                    inode->i_fop = &sysfs_file_fops;
                    return 0;
                }
            }
            return -ENOENT;
        }
        if (!slash)
            break;
        p = slash + 1;
    }
    return -EISDIR;
}

/* ksets (lib/kobject.c): a kobject whose children are the set's members. */
static void kset_release(struct kobject *kobj)
{
    kfree(container_of(kobj, struct kset, kobj));
}

static const struct kobj_type kset_ktype = {
    .release = kset_release,
    .sysfs_ops = &kobj_sysfs_ops,
};

int kset_register(struct kset *k)
{
    if (!k)
        return -EINVAL;
    INIT_LIST_HEAD(&k->list);
    if (!k->kobj.state_initialized)
        kobject_init(&k->kobj, k->kobj.ktype ? k->kobj.ktype : &kset_ktype);
    return __spinlab_kobject_add(&k->kobj, k->kobj.parent, k->kobj.name);
}

void kset_unregister(struct kset *k)
{
    if (!k)
        return;
    kobject_del(&k->kobj);
    kobject_put(&k->kobj);
}

struct kset *kset_create_and_add(const char *name, const struct kset_uevent_ops *uevent_ops,
                                 struct kobject *parent_kobj)
{
    struct kset *k = kzalloc(sizeof(*k), GFP_KERNEL);
    char *copy;
    if (!k)
        return NULL;
    copy = kmalloc(strlen(name) + 1, GFP_KERNEL);
    if (!copy) {
        kfree(k);
        return NULL;
    }
    strcpy(copy, name);
    k->uevent_ops = uevent_ops;
    kobject_init(&k->kobj, &kset_ktype);
    k->kobj.name = copy;
    k->kobj.parent = parent_kobj;
    INIT_LIST_HEAD(&k->list);
    if (__spinlab_kobject_add(&k->kobj, parent_kobj, copy)) {
        kobject_put(&k->kobj);
        return NULL;
    }
    return k;
}

/* A member of the set by name, with a reference (kobject_put it). */
struct kobject *kset_find_obj(struct kset *kset, const char *name)
{
    struct list_head *pos;
    for (pos = kset->kobj.children.next; pos != &kset->kobj.children; pos = pos->next) {
        struct kobject *k = list_entry(pos, struct kobject, entry);
        if (k->kset == kset && k->name && strcmp(k->name, name) == 0)
            return kobject_get(k);
    }
    return NULL;
}
