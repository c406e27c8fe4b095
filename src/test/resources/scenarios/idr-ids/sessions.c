/*
 * sessions: ID allocators as drivers use them for minor numbers and handles. An IDA hands
 * out instance numbers (the lowest free one, ida_alloc_max, the old ida_simple_get); an IDR
 * maps session handles to session structures (idr_alloc, idr_find, idr_remove,
 * idr_for_each_entry), under the driver's own mutex.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/mutex.h>

struct session {
	int handle;
	char owner[16];
};

static DEFINE_IDA(instance_ida);
static DEFINE_IDR(session_idr);
static DEFINE_MUTEX(session_lock);

static int session_open(const char *owner)
{
	struct session *s = kzalloc(sizeof(*s), GFP_KERNEL);
	int id;

	if (!s)
		return -ENOMEM;
	strscpy(s->owner, owner, sizeof(s->owner));
	mutex_lock(&session_lock);
	id = idr_alloc(&session_idr, s, 100, 103, GFP_KERNEL);
	if (id >= 0)
		s->handle = id;
	mutex_unlock(&session_lock);
	if (id < 0)
		kfree(s);
	return id;
}

static void session_close(int handle)
{
	struct session *s;

	mutex_lock(&session_lock);
	s = idr_remove(&session_idr, handle);
	mutex_unlock(&session_lock);
	kfree(s);
}

static int __init sessions_init(void)
{
	int a = ida_alloc(&instance_ida, GFP_KERNEL);
	int b = ida_alloc(&instance_ida, GFP_KERNEL);
	int c = ida_simple_get(&instance_ida, 0, 0, GFP_KERNEL);
	struct session *s;
	int id;

	pr_info("sessions: instances %d %d %d\n", a, b, c);
	ida_free(&instance_ida, b);
	pr_info("sessions: after freeing %d, the next is %d\n", b, ida_alloc_max(&instance_ida, 7, GFP_KERNEL));

	pr_info("sessions: open alice -> %d\n", session_open("alice"));
	pr_info("sessions: open bob -> %d\n", session_open("bob"));
	pr_info("sessions: open carol -> %d\n", session_open("carol"));
	pr_info("sessions: open dave -> %d (range 100-102 full)\n", session_open("dave"));
	session_close(101);
	pr_info("sessions: open erin -> %d\n", session_open("erin"));
	s = idr_find(&session_idr, 102);
	pr_info("sessions: handle 102 is %s's\n", s ? s->owner : "nobody");
	mutex_lock(&session_lock);
	idr_for_each_entry(&session_idr, s, id)
		pr_info("sessions: %d: %s\n", id, s->owner);
	mutex_unlock(&session_lock);
	return 0;
}

static void __exit sessions_exit(void)
{
	struct session *s;
	int id;

	idr_for_each_entry(&session_idr, s, id)
		kfree(s);
	idr_destroy(&session_idr);
	ida_destroy(&instance_ida);
	pr_info("sessions: empty at exit: %d\n", ida_is_empty(&instance_ida) && idr_is_empty(&session_idr));
}

module_init(sessions_init);
module_exit(sessions_exit);
MODULE_LICENSE("GPL");
