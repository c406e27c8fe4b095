/*
 * sysfs attributes in the style of the kernel's samples/kobject/kobject-example.c (written
 * anew): /sys/kernel/knob/ with a read-write "value", a read-only "hits" (how often value
 * was read) and a write-only "reset"; a group "limits" with "max".
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/string.h>

static struct kobject *knob_kobj;
static int value = 10;
static int hits;
static int max = 100;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    hits++;
    return sysfs_emit(buf, "%d\n", value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
    int v;
    int ret = kstrtoint(buf, 10, &v);
    if (ret < 0)
        return ret;
    if (v > max)
        return -ERANGE;
    value = v;
    return count;
}

static ssize_t hits_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%d\n", hits);
}

static ssize_t reset_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
    value = 0;
    hits = 0;
    pr_info("knob: reset by a write of %zu bytes\n", count);
    return count;
}

static ssize_t max_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
    return sysfs_emit(buf, "%d\n", max);
}

static ssize_t max_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
    int ret = kstrtoint(buf, 10, &max);
    return ret < 0 ? ret : count;
}

static struct kobj_attribute value_attribute = __ATTR(value, 0664, value_show, value_store);
static struct kobj_attribute hits_attribute = __ATTR_RO(hits);
static struct kobj_attribute reset_attribute = __ATTR_WO(reset);
static struct kobj_attribute max_attribute = __ATTR_RW(max);

static struct attribute *limit_attrs[] = {
    &max_attribute.attr,
    NULL,
};

static const struct attribute_group limit_group = {
    .name = "limits",
    .attrs = limit_attrs,
};

static int __init knob_init(void)
{
    int retval;
    knob_kobj = kobject_create_and_add("knob", kernel_kobj);
    if (!knob_kobj)
        return -ENOMEM;
    retval = sysfs_create_file(knob_kobj, &value_attribute.attr);
    if (!retval)
        retval = sysfs_create_file(knob_kobj, &hits_attribute.attr);
    if (!retval)
        retval = sysfs_create_file(knob_kobj, &reset_attribute.attr);
    if (!retval)
        retval = sysfs_create_group(knob_kobj, &limit_group);
    if (retval)
        kobject_put(knob_kobj);
    return retval;
}

static void __exit knob_exit(void)
{
    kobject_put(knob_kobj);
    pr_info("knob: value %d at exit\n", value);
}

module_init(knob_init);
module_exit(knob_exit);
MODULE_LICENSE("GPL");
