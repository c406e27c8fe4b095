/*
 * routes: a small routing table in the style of the tutorials' RCU chapters.
 *   - entries live on an RCU list (list_add_rcu/list_del_rcu, read under rcu_read_lock()) and
 *     in a hashtable of hlist buckets (DEFINE_HASHTABLE, hash_add, hash_for_each_possible)
 *     for lookups; updaters serialize on a mutex;
 *   - a replaced entry is freed with kfree_rcu(), a deleted one with call_rcu(), and the
 *     whole table at exit after synchronize_rcu();
 *   - lookup statistics are a seqlock_t (write_seqlock in the writers, read_seqbegin/
 *     read_seqretry in the reader), the default gateway an rwlock_t.
 * /proc/routes/table (proc_create_single in a proc_mkdir directory) lists the table; writing
 * "add KEY GW", "del KEY" or "get KEY" to /proc/routes/ctl changes or queries it. The exit
 * removes the directory with proc_remove().
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/list.h>
#include <linux/rculist.h>
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/seqlock.h>
#include <linux/spinlock.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>
#include <linux/string.h>

struct route {
	u32 key;
	u32 gw;
	struct list_head list;		/* on routes, for the readers */
	struct hlist_node hnode;	/* in route_hash, for lookups */
	struct rcu_head rcu;
};

static LIST_HEAD(routes);
static DEFINE_HASHTABLE(route_hash, 3);
static DEFINE_MUTEX(routes_mutex);
static DEFINE_SEQLOCK(stats_lock);
static unsigned long hits, misses;
static DEFINE_RWLOCK(gw_lock);
static u32 default_gw = 1;
static struct proc_dir_entry *routes_dir;
static int freed_by_callback;

static void route_free_rcu(struct rcu_head *head)
{
	struct route *r = container_of(head, struct route, rcu);

	freed_by_callback++;
	pr_info("routes: route %u freed after a grace period (in softirq: %d)\n", r->key,
		in_softirq() ? 1 : 0);
	kfree(r);
}

static struct route *route_find(u32 key)
{
	struct route *r;

	hash_for_each_possible(route_hash, r, hnode, key)
		if (r->key == key)
			return r;
	return NULL;
}

static int route_add(u32 key, u32 gw)
{
	struct route *old, *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	r->key = key;
	r->gw = gw;
	mutex_lock(&routes_mutex);
	old = route_find(key);
	if (old) {
		list_replace_rcu(&old->list, &r->list);
		hash_del(&old->hnode);
		hash_add(route_hash, &r->hnode, key);
		mutex_unlock(&routes_mutex);
		kfree_rcu(old, rcu);
		return 1;
	}
	list_add_tail_rcu(&r->list, &routes);
	hash_add(route_hash, &r->hnode, key);
	mutex_unlock(&routes_mutex);
	return 0;
}

static int route_del(u32 key)
{
	struct route *r;

	mutex_lock(&routes_mutex);
	r = route_find(key);
	if (!r) {
		mutex_unlock(&routes_mutex);
		return -ENOENT;
	}
	list_del_rcu(&r->list);
	hash_del(&r->hnode);
	mutex_unlock(&routes_mutex);
	call_rcu(&r->rcu, route_free_rcu);
	return 0;
}

/* The gateway for key: its route's, else the default (read under the rwlock). */
static u32 route_get(u32 key)
{
	struct route *r;
	u32 gw = 0;

	rcu_read_lock();
	list_for_each_entry_rcu(r, &routes, list) {
		if (r->key == key) {
			gw = r->gw;
			break;
		}
	}
	rcu_read_unlock();
	write_seqlock(&stats_lock);
	if (gw)
		hits++;
	else
		misses++;
	write_sequnlock(&stats_lock);
	if (!gw) {
		read_lock(&gw_lock);
		gw = default_gw;
		read_unlock(&gw_lock);
	}
	return gw;
}

static int table_show(struct seq_file *m, void *v)
{
	struct route *r;
	unsigned long h, mi;
	unsigned seq;
	int bkt;

	rcu_read_lock();
	list_for_each_entry_rcu(r, &routes, list)
		seq_printf(m, "%u via %u\n", r->key, r->gw);
	rcu_read_unlock();
	do {
		seq = read_seqbegin(&stats_lock);
		h = hits;
		mi = misses;
	} while (read_seqretry(&stats_lock, seq));
	seq_printf(m, "hits %lu misses %lu\n", h, mi);
	mutex_lock(&routes_mutex);
	hash_for_each(route_hash, bkt, r, hnode)
		seq_printf(m, "bucket %d: %u\n", bkt, r->key);
	mutex_unlock(&routes_mutex);
	return 0;
}

static ssize_t ctl_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	char buf[32], cmd[8];
	unsigned int key, gw;
	int n, ret;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = '\0';
	n = sscanf(buf, "%7s %u %u", cmd, &key, &gw);
	if (n == 3 && !strcmp(cmd, "add")) {
		ret = route_add(key, gw);
		pr_info("routes: %s %u via %u\n", ret ? "replaced" : "added", key, gw);
	} else if (n == 2 && !strcmp(cmd, "del")) {
		ret = route_del(key);
		pr_info("routes: del %u: %d\n", key, ret);
	} else if (n == 2 && !strcmp(cmd, "get")) {
		pr_info("routes: %u goes via %u\n", key, route_get(key));
	} else if (n == 2 && !strcmp(cmd, "gw")) {
		write_lock(&gw_lock);
		default_gw = key;
		write_unlock(&gw_lock);
	} else {
		return -EINVAL;
	}
	return count;
}

static const struct proc_ops ctl_ops = {
	.proc_write = ctl_write,
};

static int __init routes_init(void)
{
	routes_dir = proc_mkdir("routes", NULL);
	if (!routes_dir)
		return -ENOMEM;
	if (!proc_create_single("table", 0444, routes_dir, table_show) ||
	    !proc_create("ctl", 0200, routes_dir, &ctl_ops)) {
		proc_remove(routes_dir);
		return -ENOMEM;
	}
	return 0;
}

static void __exit routes_exit(void)
{
	struct route *r, *tmp;
	struct hlist_node *hn;
	LIST_HEAD(dead);
	int bkt, n = 0;

	proc_remove(routes_dir);	/* no reader can come any more */
	rcu_barrier();			/* the callbacks already queued run before the module goes */
	mutex_lock(&routes_mutex);
	hash_for_each_safe(route_hash, bkt, hn, r, hnode)
		hash_del(&r->hnode);
	list_splice_init(&routes, &dead);
	mutex_unlock(&routes_mutex);
	synchronize_rcu();
	list_for_each_entry_safe(r, tmp, &dead, list) {
		list_del(&r->list);
		kfree(r);
		n++;
	}
	pr_info("routes: %d freed by callbacks, %d at exit; table %s\n", freed_by_callback, n,
		hash_empty(route_hash) ? "empty" : "not empty");
}

module_init(routes_init);
module_exit(routes_exit);
MODULE_LICENSE("GPL");
