/*
 * ABBA: two ioctls of one driver take the same two locks in opposite orders. On one CPU no
 * deadlock can occur (spin_lock disables preemption, so neither task can be interrupted
 * between its two locks), and the run finishes; lockdep still reports the possible circular
 * locking dependency the moment the second order is first used, with the chain that makes
 * it: on two CPUs the same code can deadlock.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>

#define ABBA_ADD 1
#define ABBA_STATS 2

static spinlock_t list_lock;   /* protects the item list */
static spinlock_t stats_lock;  /* protects the counters */
static long nr_items, nr_adds, nr_reads;

/* Order list_lock -> stats_lock. */
static void add_item(void)
{
    spin_lock(&list_lock);
    nr_items++;
    spin_lock(&stats_lock);
    nr_adds++;
    spin_unlock(&stats_lock);
    spin_unlock(&list_lock);
}

/* Order stats_lock -> list_lock: the inverse. */
static long read_stats(void)
{
    long n;
    spin_lock(&stats_lock);
    nr_reads++;
    spin_lock(&list_lock);
    n = nr_items;
    spin_unlock(&list_lock);
    spin_unlock(&stats_lock);
    return n;
}

static long abba_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    if (cmd == ABBA_ADD) {
        add_item();
        return 0;
    }
    if (cmd == ABBA_STATS)
        return read_stats();
    return -ENOTTY;
}

static const struct file_operations abba_fops = {
    .unlocked_ioctl = abba_ioctl,
};

static struct miscdevice abba_dev = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "abba",
    .fops = &abba_fops,
};

static int abba_init(void)
{
    spin_lock_init(&list_lock);
    spin_lock_init(&stats_lock);
    return misc_register(&abba_dev);
}

MODULE_LICENSE("GPL");
module_init(abba_init);
