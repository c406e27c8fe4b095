/*
 * A PRE_ROUTING-like hook: "packets" arrive in softirq context (a timer stands in for
 * NET_RX) and are counted in a connection table under ct_lock; a process flushes the table
 * through write() on /dev/ct. With plain spin_lock() in the process, a softirq arriving on
 * the same CPU while the process holds ct_lock would spin forever: lockdep reports the
 * inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage even though this run never deadlocks.
 * Build with -DUSE_BH=1 for the correct spin_lock_bh() variant, which runs clean.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/jiffies.h>

#ifndef USE_BH
#define USE_BH 0
#endif

#define NR_BUCKETS 4

struct ct_table {
    spinlock_t lock;
    unsigned long packets[NR_BUCKETS];
};

static struct ct_table ct;
static struct timer_list rx_timer;
/* check takes fewer packets (-DRX_PACKETS=2): each one multiplies the interleavings. */
#ifndef RX_PACKETS
#define RX_PACKETS 20
#endif
static int rx_left = RX_PACKETS;

/* The hook, called for every received packet in softirq context. */
static unsigned int ct_pre_routing(unsigned int hash)
{
    spin_lock(&ct.lock);
    ct.packets[hash % NR_BUCKETS]++;
    spin_unlock(&ct.lock);
    return 1; /* NF_ACCEPT */
}

/* Stands in for the receive softirq: one packet per tick for a while. */
static void rx_softirq(struct timer_list *t)
{
    ct_pre_routing(rx_left * 7);
    if (--rx_left > 0)
        mod_timer(&rx_timer, jiffies + 1);
}

static ssize_t ct_write(struct file *file, const char *buf, size_t count, loff_t *pos)
{
    int i;
#if USE_BH
    spin_lock_bh(&ct.lock);
#else
    spin_lock(&ct.lock);
#endif
    for (i = 0; i < NR_BUCKETS; i++)
        ct.packets[i] = 0;
#if USE_BH
    spin_unlock_bh(&ct.lock);
#else
    spin_unlock(&ct.lock);
#endif
    return count;
}

static const struct file_operations ct_fops = {
    .write = ct_write,
};

static struct miscdevice ct_dev = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "ct",
    .fops = &ct_fops,
};

static int ct_init(void)
{
    spin_lock_init(&ct.lock);
    timer_setup(&rx_timer, rx_softirq, 0);
    mod_timer(&rx_timer, jiffies + 1);
    return misc_register(&ct_dev);
}

MODULE_LICENSE("GPL");
module_init(ct_init);
