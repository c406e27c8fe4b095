/* spinlab's model of <linux/sysfs.h> (implementation in fs/sysfs/file.c): attributes as files. */
#ifndef _SPINLAB_LINUX_SYSFS_H
#define _SPINLAB_LINUX_SYSFS_H

#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/kernel.h>

struct kobject;

struct attribute {
    const char *name;
    umode_t mode;
};

struct attribute_group {
    const char *name;
    umode_t (*is_visible)(struct kobject *, struct attribute *, int);
    struct attribute **attrs;
};

struct sysfs_ops {
    ssize_t (*show)(struct kobject *, struct attribute *, char *);
    ssize_t (*store)(struct kobject *, struct attribute *, const char *, size_t);
};

/* The kernel checks the mode at compile time (VERIFY_OCTAL_PERMISSIONS); the model takes it as is. */
#define VERIFY_OCTAL_PERMISSIONS(perms) (perms)

#define __ATTR(_name, _mode, _show, _store) { \
    .attr = { .name = __stringify(_name), .mode = VERIFY_OCTAL_PERMISSIONS(_mode) }, \
    .show = _show, .store = _store }
#define __ATTR_RO_MODE(_name, _mode) { \
    .attr = { .name = __stringify(_name), .mode = VERIFY_OCTAL_PERMISSIONS(_mode) }, .show = _name##_show }
#define __ATTR_RO(_name) { .attr = { .name = __stringify(_name), .mode = 0444 }, .show = _name##_show }
#define __ATTR_WO(_name) { .attr = { .name = __stringify(_name), .mode = 0200 }, .store = _name##_store }
#define __ATTR_RW_MODE(_name, _mode) __ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_RW(_name) __ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_NULL { .attr = { .name = NULL } }

#define ATTRIBUTE_GROUPS(_name) \
    static const struct attribute_group _name##_group = { .attrs = _name##_attrs }; \
    static const struct attribute_group *_name##_groups[] = { &_name##_group, NULL }

int sysfs_create_file(struct kobject *kobj, const struct attribute *attr);
void sysfs_remove_file(struct kobject *kobj, const struct attribute *attr);
int sysfs_create_files(struct kobject *kobj, const struct attribute * const *attr);
void sysfs_remove_files(struct kobject *kobj, const struct attribute * const *attr);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr);

/* sysfs_emit: a show() method's output, at most a page. */
#define sysfs_emit(buf, fmt, ...) snprintf((buf), 4096, fmt, ##__VA_ARGS__)
#define sysfs_emit_at(buf, at, fmt, ...) snprintf((buf) + (at), 4096 - (at), fmt, ##__VA_ARGS__)

#endif
