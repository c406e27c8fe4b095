/*
 * zoo: a kset of objects with their own kobj_type, in the style of the kernel's
 * samples/kobject/kset-example.c (written anew). /sys/kernel/zoo/ is a kset; each animal is
 * a struct with an embedded kobject in that kset, so it appears as /sys/kernel/zoo/NAME/
 * with the type's default attribute groups: "legs" (read-write) and "feedings" (read-only,
 * counted by writes to "feed", write-only). The type's sysfs_ops turn the generic kobject
 * and attribute into the animal and its own attribute type; its release frees the animal.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kstrtox.h>

struct animal {
	struct kobject kobj;
	int legs;
	int feedings;
};
#define to_animal(x) container_of(x, struct animal, kobj)

struct animal_attribute {
	struct attribute attr;
	ssize_t (*show)(struct animal *a, struct animal_attribute *attr, char *buf);
	ssize_t (*store)(struct animal *a, struct animal_attribute *attr, const char *buf, size_t count);
};
#define to_animal_attr(x) container_of(x, struct animal_attribute, attr)

static ssize_t animal_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct animal_attribute *aa = to_animal_attr(attr);

	if (!aa->show)
		return -EIO;
	return aa->show(to_animal(kobj), aa, buf);
}

static ssize_t animal_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf,
				 size_t len)
{
	struct animal_attribute *aa = to_animal_attr(attr);

	if (!aa->store)
		return -EIO;
	return aa->store(to_animal(kobj), aa, buf, len);
}

static const struct sysfs_ops animal_sysfs_ops = {
	.show = animal_attr_show,
	.store = animal_attr_store,
};

static void animal_release(struct kobject *kobj)
{
	struct animal *a = to_animal(kobj);

	pr_info("zoo: %s released after %d feedings\n", kobject_name(kobj), a->feedings);
	kfree(a);
}

static ssize_t legs_show(struct animal *a, struct animal_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", a->legs);
}

static ssize_t legs_store(struct animal *a, struct animal_attribute *attr, const char *buf, size_t count)
{
	int ret = kstrtoint(buf, 10, &a->legs);

	return ret < 0 ? ret : count;
}

static ssize_t feedings_show(struct animal *a, struct animal_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", a->feedings);
}

static ssize_t feed_store(struct animal *a, struct animal_attribute *attr, const char *buf, size_t count)
{
	a->feedings++;
	return count;
}

static struct animal_attribute legs_attribute = __ATTR(legs, 0664, legs_show, legs_store);
static struct animal_attribute feedings_attribute = __ATTR_RO(feedings);
static struct animal_attribute feed_attribute = __ATTR_WO(feed);

static struct attribute *animal_default_attrs[] = {
	&legs_attribute.attr,
	&feedings_attribute.attr,
	&feed_attribute.attr,
	NULL,
};
ATTRIBUTE_GROUPS(animal_default);

static const struct kobj_type animal_ktype = {
	.sysfs_ops = &animal_sysfs_ops,
	.release = animal_release,
	.default_groups = animal_default_groups,
};

static struct kset *zoo_kset;
static struct animal *cat, *bird;

static struct animal *create_animal(const char *name, int legs)
{
	struct animal *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return NULL;
	a->legs = legs;
	a->kobj.kset = zoo_kset;
	if (kobject_init_and_add(&a->kobj, &animal_ktype, NULL, "%s", name)) {
		kobject_put(&a->kobj);
		return NULL;
	}
	kobject_uevent(&a->kobj, KOBJ_ADD);
	return a;
}

static int __init zoo_init(void)
{
	struct kobject *found;

	zoo_kset = kset_create_and_add("zoo", NULL, kernel_kobj);
	if (!zoo_kset)
		return -ENOMEM;
	cat = create_animal("cat", 4);
	if (!cat)
		goto out_kset;
	bird = create_animal("bird", 2);
	if (!bird)
		goto out_cat;
	found = kset_find_obj(zoo_kset, "bird");
	pr_info("zoo: kset_find_obj(bird): %s\n", found == &bird->kobj ? "found" : "missing");
	kobject_put(found);
	return 0;

out_cat:
	kobject_put(&cat->kobj);
out_kset:
	kset_unregister(zoo_kset);
	return -EINVAL;
}

static void __exit zoo_exit(void)
{
	kobject_put(&bird->kobj);
	kobject_put(&cat->kobj);
	kset_unregister(zoo_kset);
}

module_init(zoo_init);
module_exit(zoo_exit);
MODULE_LICENSE("GPL v2");
