/* A driver whose write() updates a counter inside a mutex, sleeping in the middle of the update. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/sched.h>

static DEFINE_MUTEX(lock);
static int inside;      /* tasks inside the critical section */
static int counter;     /* updated with a sleep between the read and the write */

static ssize_t drv_write(struct file *f, const char __user *buf, size_t n, loff_t *off)
{
    int v;
    mutex_lock(&lock);
    inside++;
    if (inside != 1)
        printk("VIOLATION: %d tasks in the critical section\n", inside);
    v = counter;
    msleep(2);                  /* another writer runs meanwhile and must block on the mutex */
    counter = v + 1;
    inside--;
    printk("%s: counter %d\n", current->comm, counter);
    mutex_unlock(&lock);
    return n;
}

static const struct file_operations drv_fops = {
    .write = drv_write,
};

static struct miscdevice drv_misc = {
    .minor = MISC_DYNAMIC_MINOR,
    .name = "mutexdrv",
    .fops = &drv_fops,
};

static int drv_init(void)
{
    return misc_register(&drv_misc);
}
module_init(drv_init);
