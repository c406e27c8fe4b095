/*
 * A device that has data when its timer has fired: .poll names the wait queue with
 * poll_wait and reports EPOLLIN once data is there; the timer's callback (softirq context)
 * makes data and wakes the queue. A write arms the timer for the given milliseconds.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>

static DECLARE_WAIT_QUEUE_HEAD(tick_wq);
static DEFINE_SPINLOCK(tick_lock);
static struct timer_list tick_timer;
static int ticks_ready;
static int ticks_total;

static void tick_fire(struct timer_list *t)
{
    unsigned long flags;
    spin_lock_irqsave(&tick_lock, flags);
    ticks_ready++;
    ticks_total++;
    spin_unlock_irqrestore(&tick_lock, flags);
    pr_info("tick: timer fired, waking readers\n");
    wake_up_interruptible(&tick_wq);
}

static __poll_t tick_poll(struct file *filp, poll_table *wait)
{
    __poll_t mask = EPOLLOUT | EPOLLWRNORM;
    unsigned long flags;
    poll_wait(filp, &tick_wq, wait);
    spin_lock_irqsave(&tick_lock, flags);
    if (ticks_ready)
        mask |= EPOLLIN | EPOLLRDNORM;
    spin_unlock_irqrestore(&tick_lock, flags);
    return mask;
}

static ssize_t tick_read(struct file *filp, char __user *buf, size_t count, loff_t *ppos)
{
    char msg[32];
    int n, len;
    unsigned long flags;
    spin_lock_irqsave(&tick_lock, flags);
    n = ticks_ready;
    ticks_ready = 0;
    spin_unlock_irqrestore(&tick_lock, flags);
    if (n == 0)
        return -EAGAIN;
    len = snprintf(msg, sizeof(msg), "%d tick(s), %d in all\n", n, ticks_total);
    if (count < len)
        return -EINVAL;
    if (copy_to_user(buf, msg, len))
        return -EFAULT;
    return len;
}

static ssize_t tick_write(struct file *filp, const char __user *buf, size_t count, loff_t *ppos)
{
    char text[16];
    unsigned int ms;
    if (count >= sizeof(text))
        return -EINVAL;
    if (copy_from_user(text, buf, count))
        return -EFAULT;
    text[count] = 0;
    if (kstrtouint(text, 10, &ms))
        return -EINVAL;
    mod_timer(&tick_timer, jiffies + msecs_to_jiffies(ms));
    return count;
}

static int tick_fasync(int fd, struct file *filp, int on)
{
    return 0;
}

static const struct file_operations tick_fops = {
    .owner = THIS_MODULE,
    .read = tick_read,
    .write = tick_write,
    .poll = tick_poll,
    .fasync = tick_fasync,
    .llseek = noop_llseek,
};

static struct miscdevice tick_misc = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "tick",
    .fops = &tick_fops,
};

static int __init tick_init(void)
{
    timer_setup(&tick_timer, tick_fire, 0);
    return misc_register(&tick_misc);
}

static void __exit tick_exit(void)
{
    misc_deregister(&tick_misc);
    del_timer_sync(&tick_timer);
    pr_info("tick: %d ticks in all\n", ticks_total);
}

module_init(tick_init);
module_exit(tick_exit);
MODULE_LICENSE("GPL");
