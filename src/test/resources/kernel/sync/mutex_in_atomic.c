/* mutex_lock() while holding a spinlock: might_sleep() reports the sleep in atomic context. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(m);

static int bad_init(void)
{
    spin_lock(&lock);
    mutex_lock(&m);
    mutex_unlock(&m);
    spin_unlock(&lock);
    printk("bad_init finished\n");
    return 0;
}
module_init(bad_init);
