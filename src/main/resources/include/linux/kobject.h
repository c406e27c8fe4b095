/* spinlab's model of <linux/kobject.h> (implementation in lib/kobject.c): the objects behind /sys directories. */
#ifndef _SPINLAB_LINUX_KOBJECT_H
#define _SPINLAB_LINUX_KOBJECT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/sysfs.h>
#include <linux/kernel.h>

struct kobject;
struct kset;

struct kobj_type {
    void (*release)(struct kobject *kobj);
    const struct sysfs_ops *sysfs_ops;
    const struct attribute_group **default_groups;
};

struct kobject {
    const char *name;
    struct list_head entry;      /* among the parent's children */
    struct kobject *parent;
    struct list_head children;
    struct list_head files;      /* its attribute files (fs/sysfs/file.c) */
    const struct kobj_type *ktype;
    struct kset *kset;           /* the set it belongs to: its parent when it is given none */
    int refcount;
    unsigned int state_initialized;
    unsigned int state_in_sysfs;
};

/* The attribute type of kobjects made by kobject_create_and_add (kobj_sysfs_ops dispatches to it). */
struct kobj_attribute {
    struct attribute attr;
    ssize_t (*show)(struct kobject *kobj, struct kobj_attribute *attr, char *buf);
    ssize_t (*store)(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count);
};

extern const struct sysfs_ops kobj_sysfs_ops;

/* /sys/kernel, /sys/firmware, ...: the directories drivers hang their kobjects under. */
extern struct kobject *kernel_kobj;
extern struct kobject *mm_kobj;
extern struct kobject *firmware_kobj;
extern struct kobject *fs_kobj;

struct kobject *kobject_create_and_add(const char *name, struct kobject *parent);
void kobject_init(struct kobject *kobj, const struct kobj_type *ktype);
int __spinlab_kobject_add(struct kobject *kobj, struct kobject *parent, const char *name);
int __spinlab_kobject_init_and_add(struct kobject *kobj, const struct kobj_type *ktype, struct kobject *parent,
                                   const char *name);
char *__spinlab_kasprintf(const char *fmt, ...);
#define kobject_add(kobj, parent, ...) __spinlab_kobject_add((kobj), (parent), __spinlab_kasprintf(__VA_ARGS__))
#define kobject_init_and_add(kobj, ktype, parent, ...) \
    __spinlab_kobject_init_and_add((kobj), (ktype), (parent), __spinlab_kasprintf(__VA_ARGS__))
struct kobject *kobject_get(struct kobject *kobj);
void kobject_put(struct kobject *kobj);
void kobject_del(struct kobject *kobj);
const char *kobject_name(const struct kobject *kobj);
int kobject_uevent(struct kobject *kobj, int action);

/*
 * A kset: a kobject that is also the directory and the list of its members (lib/kobject.c).
 * A kobject whose kset is set before kobject_add() and which is given no parent goes in the
 * kset's directory. Uevents are not sent (no user space listens), so uevent_ops are kept only.
 */
struct kobj_uevent_env;

struct kset_uevent_ops {
    int (*filter)(const struct kobject *kobj);
    const char *(*name)(const struct kobject *kobj);
    int (*uevent)(const struct kobject *kobj, struct kobj_uevent_env *env);
};

struct kset {
    struct list_head list;
    struct kobject kobj;
    const struct kset_uevent_ops *uevent_ops;
};

struct kset *kset_create_and_add(const char *name, const struct kset_uevent_ops *u, struct kobject *parent_kobj);
int kset_register(struct kset *k);
void kset_unregister(struct kset *k);
struct kobject *kset_find_obj(struct kset *k, const char *name);

static inline struct kset *to_kset(struct kobject *kobj)
{
    return kobj ? container_of(kobj, struct kset, kobj) : NULL;
}

static inline struct kset *kset_get(struct kset *k)
{
    return k ? to_kset(kobject_get(&k->kobj)) : NULL;
}

static inline void kset_put(struct kset *k)
{
    kobject_put(&k->kobj);
}

#define KOBJ_ADD 0
#define KOBJ_REMOVE 1
#define KOBJ_CHANGE 2

#endif
