/*
 * spinlab's model of drivers/char/hw_random/core.c: the hardware RNG core. Generators are kept
 * on rng_list in order of quality (best first); the best is the current one, initialised
 * (its init()) when it becomes current and cleaned up (cleanup()) when the last reference to it
 * as current is dropped, as the kernel counts them with a kref. rng_mutex guards the list and
 * the current generator, reading_mutex the one read buffer. /dev/hwrng reads fill the buffer
 * from the current generator (blocking unless O_NONBLOCK: an empty non-blocking read is
 * -EAGAIN) and hand it out from its end, as the kernel does. Differences: the misc device
 * is registered with the first generator and removed with the last (the kernel's is there
 * from boot), its sysfs directory is /sys/class/misc/hwrng (the model names a misc device by its
 * nodename; upstream's is hw_random), the attributes are rng_current and rng_available only, read-only (no
 * rng_selected, rng_quality, no choosing a generator by writing rng_current), and khwrngd,
 * which feeds the entropy pool, is not modelled.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/hw_random.h>
#include <linux/miscdevice.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/jiffies.h>

#define RNG_MODULE_NAME "hw_random"
#define RNG_BUFFER_SIZE 64     /* rng_buffer_size(): SMP_CACHE_BYTES on x86, at least 32 */

static struct hwrng *current_rng;
static LIST_HEAD(rng_list);
static DEFINE_MUTEX(rng_mutex);        /* protects current_rng and rng_list */
static DEFINE_MUTEX(reading_mutex);    /* protects rng_buffer and data_avail */
static int data_avail;
static u8 *rng_buffer;
static int misc_registered;

static void cleanup_rng(struct kref *kref)
{
    struct hwrng *rng = container_of(kref, struct hwrng, ref);

    if (rng->cleanup)
        rng->cleanup(rng);
    complete(&rng->cleanup_done);
}

static int hwrng_init(struct hwrng *rng)
{
    if (kref_get_unless_zero(&rng->ref))
        return 0;
    if (rng->init) {
        int ret = rng->init(rng);

        if (ret)
            return ret;
    }
    kref_init(&rng->ref);
    reinit_completion(&rng->cleanup_done);
    return 0;
}

static void drop_current_rng(void)
{
    if (!current_rng)
        return;
    /* decrease last reference for triggering the cleanup */
    kref_put(&current_rng->ref, cleanup_rng);
    current_rng = NULL;
}

static int set_current_rng(struct hwrng *rng)
{
    int err = hwrng_init(rng);

    if (err)
        return err;
    drop_current_rng();
    current_rng = rng;
    return 0;
}

/* the current generator with a reference for the caller, NULL if none, or -ERESTARTSYS */
static struct hwrng *get_current_rng(void)
{
    struct hwrng *rng;

    if (mutex_lock_interruptible(&rng_mutex))
        return ERR_PTR(-ERESTARTSYS);
    rng = current_rng;
    if (rng)
        kref_get(&rng->ref);
    mutex_unlock(&rng_mutex);
    return rng;
}

static void put_rng(struct hwrng *rng)
{
    mutex_lock(&rng_mutex);
    if (rng)
        kref_put(&rng->ref, cleanup_rng);
    mutex_unlock(&rng_mutex);
}

static int rng_get_data(struct hwrng *rng, u8 *buffer, size_t size, int wait)
{
    int present;

    if (rng->read) {
        int err = rng->read(rng, buffer, size, wait);

        if (WARN_ON_ONCE(err > 0 && err > size))
            err = size;
        return err;
    }
    if (rng->data_present)
        present = rng->data_present(rng, wait);
    else
        present = 1;
    if (present)
        return rng->data_read(rng, (u32 *)buffer);
    return 0;
}

static int rng_dev_open(struct inode *inode, struct file *filp)
{
    /* enforce read-only access to this chrdev */
    if ((filp->f_mode & FMODE_READ) == 0)
        return -EINVAL;
    if (filp->f_mode & FMODE_WRITE)
        return -EINVAL;
    return 0;
}

static ssize_t rng_dev_read(struct file *filp, char __user *buf, size_t size, loff_t *offp)
{
    u8 buffer[RNG_BUFFER_SIZE];
    ssize_t ret = 0;
    int err = 0;
    int bytes_read, len;
    struct hwrng *rng;

    while (size) {
        rng = get_current_rng();
        if (IS_ERR(rng)) {
            err = PTR_ERR(rng);
            goto out;
        }
        if (!rng) {
            err = -ENODEV;
            goto out;
        }
        if (mutex_lock_interruptible(&reading_mutex)) {
            err = -ERESTARTSYS;
            goto out_put;
        }
        if (!data_avail) {
            bytes_read = rng_get_data(rng, rng_buffer, RNG_BUFFER_SIZE, !(filp->f_flags & O_NONBLOCK));
            if (bytes_read < 0) {
                err = bytes_read;
                goto out_unlock_reading;
            } else if (bytes_read == 0 && (filp->f_flags & O_NONBLOCK)) {
                err = -EAGAIN;
                goto out_unlock_reading;
            }
            data_avail = bytes_read;
        }
        len = data_avail;
        if (len) {
            if (len > size)
                len = size;
            data_avail -= len;
            memcpy(buffer, rng_buffer + data_avail, len);
        }
        mutex_unlock(&reading_mutex);
        put_rng(rng);
        if (len) {
            if (copy_to_user(buf + ret, buffer, len)) {
                err = -EFAULT;
                goto out;
            }
            size -= len;
            ret += len;
        }
        if (need_resched())
            schedule_timeout_interruptible(1);
        if (signal_pending(current)) {
            err = -ERESTARTSYS;
            goto out;
        }
    }
out:
    memset(buffer, 0, sizeof(buffer));
    return ret ? ret : err;

out_unlock_reading:
    mutex_unlock(&reading_mutex);
out_put:
    put_rng(rng);
    goto out;
}

static const struct file_operations rng_chrdev_ops = {
    .owner = THIS_MODULE,
    .open = rng_dev_open,
    .read = rng_dev_read,
    .llseek = noop_llseek,
};

static ssize_t rng_current_show(struct device *dev, struct device_attribute *attr, char *buf)
{
    struct hwrng *rng = get_current_rng();
    ssize_t ret;

    if (IS_ERR(rng))
        return PTR_ERR(rng);
    ret = sysfs_emit(buf, "%s\n", rng ? rng->name : "none");
    put_rng(rng);
    return ret;
}

static ssize_t rng_available_show(struct device *dev, struct device_attribute *attr, char *buf)
{
    struct hwrng *rng;
    int err;

    err = mutex_lock_interruptible(&rng_mutex);
    if (err)
        return -ERESTARTSYS;
    buf[0] = '\0';
    list_for_each_entry(rng, &rng_list, list) {
        strlcat(buf, rng->name, PAGE_SIZE);
        strlcat(buf, " ", PAGE_SIZE);
    }
    strlcat(buf, "none\n", PAGE_SIZE);
    mutex_unlock(&rng_mutex);
    return strlen(buf);
}

static DEVICE_ATTR_RO(rng_current);
static DEVICE_ATTR_RO(rng_available);

static struct attribute *rng_dev_attrs[] = {
    &dev_attr_rng_current.attr,
    &dev_attr_rng_available.attr,
    NULL
};

ATTRIBUTE_GROUPS(rng_dev);

static struct miscdevice rng_miscdev = {
    .minor = HWRNG_MINOR,
    .name = RNG_MODULE_NAME,
    .nodename = "hwrng",
    .fops = &rng_chrdev_ops,
    .groups = rng_dev_groups,
};

int hwrng_register(struct hwrng *rng)
{
    int err = -EINVAL;
    struct hwrng *tmp;
    struct list_head *rng_list_ptr;

    if (!rng->name || (!rng->data_read && !rng->read))
        goto out;

    mutex_lock(&rng_mutex);
    if (!rng_buffer) {
        rng_buffer = kmalloc(RNG_BUFFER_SIZE, GFP_KERNEL);
        if (!rng_buffer) {
            err = -ENOMEM;
            goto out_unlock;
        }
    }
    if (!misc_registered) {
        err = misc_register(&rng_miscdev);
        if (err)
            goto out_unlock;
        misc_registered = 1;
    }

    /* must not register two RNGs with the same name */
    err = -EEXIST;
    list_for_each_entry(tmp, &rng_list, list) {
        if (strcmp(tmp->name, rng->name) == 0)
            goto out_unlock;
    }

    init_completion(&rng->cleanup_done);
    complete(&rng->cleanup_done);
    init_completion(&rng->dying);

    /* rng_list is sorted by decreasing quality: in before the first of lower quality */
    list_for_each(rng_list_ptr, &rng_list) {
        tmp = list_entry(rng_list_ptr, struct hwrng, list);
        if (tmp->quality < rng->quality)
            break;
    }
    list_add_tail(&rng->list, rng_list_ptr);

    err = 0;
    if (!current_rng || rng->quality > current_rng->quality) {
        /*
         * Set new rng as current as the new rng source provides better entropy quality
         */
        err = set_current_rng(rng);
        if (err)
            goto out_unlock;
    }
    mutex_unlock(&rng_mutex);
    return 0;
out_unlock:
    mutex_unlock(&rng_mutex);
out:
    return err;
}

void hwrng_unregister(struct hwrng *rng)
{
    struct hwrng *new_rng;
    int err;

    mutex_lock(&rng_mutex);
    list_del(&rng->list);
    complete_all(&rng->dying);
    if (current_rng == rng) {
        drop_current_rng();
        if (!list_empty(&rng_list)) {
            new_rng = list_first_entry(&rng_list, struct hwrng, list);
            err = set_current_rng(new_rng);
            if (err)
                pr_warn("%s: failed to set new current rng %s\n", RNG_MODULE_NAME, new_rng->name);
        }
    }
    if (list_empty(&rng_list) && misc_registered) {
        misc_deregister(&rng_miscdev);
        misc_registered = 0;
    }
    mutex_unlock(&rng_mutex);
    wait_for_completion(&rng->cleanup_done);
}

static void devm_hwrng_release(void *rng)
{
    hwrng_unregister(rng);
}

int devm_hwrng_register(struct device *dev, struct hwrng *rng)
{
    int error = hwrng_register(rng);

    if (error)
        return error;
    return devm_add_action_or_reset(dev, devm_hwrng_release, rng);
}

/* sleep msecs unless the generator is being unregistered (then 0 early), for read() loops */
long hwrng_msleep(struct hwrng *rng, unsigned int msecs)
{
    unsigned long timeout = msecs_to_jiffies(msecs) + 1;

    return wait_for_completion_interruptible_timeout(&rng->dying, timeout);
}
