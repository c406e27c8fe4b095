/*
 * wwbuf: two buffers, each guarded by a ww_mutex of one wound/wait class. ioctl 1 moves a
 * unit from buffer A to buffer B, ioctl 2 from B to A: each needs both locks, and the two
 * commands take them in opposite orders. With an acquire context and the back-off protocol
 * (the default) that cannot deadlock: when the two transfers meet, the younger context gets
 * -EDEADLK, releases what it holds, sleeps on the contended lock with ww_mutex_lock_slow()
 * and starts over. Built with -DNO_CONTEXT the same locks are taken without a context, as
 * plain mutexes: an ABBA deadlock. -DWOUND_WAIT uses a wound-wait class instead of wait-die.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/ww_mutex.h>

#ifdef WOUND_WAIT
static DEFINE_WW_CLASS(buf_class);
#else
static DEFINE_WD_CLASS(buf_class);
#endif

struct buf {
    struct ww_mutex lock;
    long units;
};

static struct buf buf_a = { .units = 10 };
static struct buf buf_b = { .units = 10 };

#ifdef NO_CONTEXT
static int transfer(struct buf *from, struct buf *to)
{
    ww_mutex_lock(&from->lock, NULL);
    ww_mutex_lock(&to->lock, NULL);
    from->units--;
    to->units++;
    ww_mutex_unlock(&to->lock);
    ww_mutex_unlock(&from->lock);
    return 0;
}
#else
/*
 * Both locks under one context. held is the lock we have, want the one we still need; on
 * -EDEADLK we give held back, wait for want, and the roles swap.
 */
static int transfer(struct buf *from, struct buf *to)
{
    struct ww_acquire_ctx ctx;
    struct ww_mutex *held = &from->lock, *want = &to->lock, *tmp;
    int backoffs = 0;

    ww_acquire_init(&ctx, &buf_class);
    ww_mutex_lock(held, &ctx);   /* nothing held yet: never -EDEADLK */
    while (ww_mutex_lock(want, &ctx) == -EDEADLK) {
        ww_mutex_unlock(held);
        ww_mutex_lock_slow(want, &ctx);
        tmp = held;
        held = want;
        want = tmp;
        backoffs++;
    }
    ww_acquire_done(&ctx);
    from->units--;
    to->units++;
    ww_mutex_unlock(want);
    ww_mutex_unlock(held);
    ww_acquire_fini(&ctx);
    return backoffs;
}
#endif

static long wwbuf_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    if (cmd == 1)
        return transfer(&buf_a, &buf_b);
    if (cmd == 2)
        return transfer(&buf_b, &buf_a);
    return -ENOTTY;
}

static const struct file_operations wwbuf_fops = {
    .owner = THIS_MODULE,
    .unlocked_ioctl = wwbuf_ioctl,
};

static struct miscdevice wwbuf_dev = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "wwbuf",
    .fops = &wwbuf_fops,
};

static int __init wwbuf_init(void)
{
    ww_mutex_init(&buf_a.lock, &buf_class);
    ww_mutex_init(&buf_b.lock, &buf_class);
    return misc_register(&wwbuf_dev);
}

static void __exit wwbuf_exit(void)
{
    misc_deregister(&wwbuf_dev);
    pr_info("wwbuf: %ld + %ld units\n", buf_a.units, buf_b.units);
}

module_init(wwbuf_init);
module_exit(wwbuf_exit);
MODULE_LICENSE("GPL");
