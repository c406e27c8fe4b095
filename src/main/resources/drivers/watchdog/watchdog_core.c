/*
 * spinlab's model of drivers/watchdog/watchdog_core.c and watchdog_dev.c: registering
 * watchdog devices and the /dev/watchdog interface, in the kernel's order of checks and with
 * its messages ("watchdog: watchdog0: watchdog did not stop!"). Devices are found again by the
 * minor number of the node that was opened.
 */
#define pr_fmt(fmt) "watchdog: " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/watchdog.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/uaccess.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ktime.h>

#define MAX_DOGS 32

/* bit numbers of watchdog_core_data.status */
#define _WDOG_DEV_OPEN 0
#define _WDOG_ALLOW_RELEASE 1
#define _WDOG_KEEPALIVE 2

struct watchdog_core_data {
    struct watchdog_device *wdd;
    struct mutex lock;
    ktime_t last_keepalive;
    ktime_t open_deadline;
    unsigned long status;
    struct miscdevice misc;         /* /dev/watchdog for id 0 */
    struct miscdevice node;         /* /dev/watchdogN */
    char node_name[16];
};

static struct watchdog_core_data *watchdogs[MAX_DOGS];
static DEFINE_MUTEX(watchdog_register_lock);

static void watchdog_check_min_max_timeout(struct watchdog_device *wdd)
{
    if (!wdd->max_hw_heartbeat_ms && wdd->min_timeout > wdd->max_timeout) {
        pr_info("Invalid min and max timeout values, resetting to 0!\n");
        wdd->min_timeout = 0;
        wdd->max_timeout = 0;
    }
}

int watchdog_init_timeout(struct watchdog_device *wdd, unsigned int timeout_parm, struct device *dev)
{
    const char *dev_str = wdd->parent ? dev_name(wdd->parent) : (const char *)wdd->info->identity;
    int ret = 0;

    watchdog_check_min_max_timeout(wdd);
    /* the driver supplied value (likely a module parameter) first */
    if (timeout_parm) {
        if (!watchdog_timeout_invalid(wdd, timeout_parm)) {
            wdd->timeout = timeout_parm;
            return 0;
        }
        pr_err("%s: driver supplied timeout (%u) out of range\n", dev_str, timeout_parm);
        ret = -EINVAL;
    }
    /* no device tree: no timeout-sec property to try */
    if (ret < 0 && wdd->timeout)
        pr_warn("%s: falling back to default timeout (%u)\n", dev_str, wdd->timeout);
    return ret;
}

void watchdog_set_restart_priority(struct watchdog_device *wdd, int priority)
{
}

void watchdog_notify_pretimeout(struct watchdog_device *wdd)
{
}

static int __watchdog_ping(struct watchdog_device *wdd)
{
    if (wdd->ops->ping)
        return wdd->ops->ping(wdd);
    return wdd->ops->start(wdd);
}

static int watchdog_ping(struct watchdog_device *wdd)
{
    struct watchdog_core_data *wd_data = wdd->wd_data;

    if (!watchdog_active(wdd) && !watchdog_hw_running(wdd))
        return 0;
    set_bit(_WDOG_KEEPALIVE, &wd_data->status);
    wd_data->last_keepalive = ktime_get();
    return __watchdog_ping(wdd);
}

static int watchdog_start(struct watchdog_device *wdd)
{
    struct watchdog_core_data *wd_data = wdd->wd_data;
    ktime_t started_at;
    int err;

    if (watchdog_active(wdd))
        return 0;
    set_bit(_WDOG_KEEPALIVE, &wd_data->status);
    started_at = ktime_get();
    if (watchdog_hw_running(wdd) && wdd->ops->ping) {
        err = __watchdog_ping(wdd);
        if (err == 0)
            set_bit(WDOG_ACTIVE, &wdd->status);
    } else {
        err = wdd->ops->start(wdd);
        if (err == 0) {
            set_bit(WDOG_ACTIVE, &wdd->status);
            wd_data->last_keepalive = started_at;
        }
    }
    return err;
}

static int watchdog_stop(struct watchdog_device *wdd)
{
    int err = 0;

    if (!watchdog_active(wdd))
        return 0;
    if (test_bit(WDOG_NO_WAY_OUT, &wdd->status)) {
        pr_info("watchdog%d: nowayout prevents watchdog being stopped!\n", wdd->id);
        return -EBUSY;
    }
    if (wdd->ops->stop) {
        clear_bit(WDOG_HW_RUNNING, &wdd->status);
        err = wdd->ops->stop(wdd);
    } else {
        set_bit(WDOG_HW_RUNNING, &wdd->status);
    }
    if (err == 0)
        clear_bit(WDOG_ACTIVE, &wdd->status);
    return err;
}

static unsigned int watchdog_get_status(struct watchdog_device *wdd)
{
    struct watchdog_core_data *wd_data = wdd->wd_data;
    unsigned int status;

    if (wdd->ops->status)
        status = wdd->ops->status(wdd);
    else
        status = wdd->bootstatus & (WDIOF_CARDRESET | WDIOF_OVERHEAT | WDIOF_FANFAULT | WDIOF_EXTERN1 |
                                    WDIOF_EXTERN2 | WDIOF_POWERUNDER | WDIOF_POWEROVER);
    if (test_bit(_WDOG_ALLOW_RELEASE, &wd_data->status))
        status |= WDIOF_MAGICCLOSE;
    if (test_and_clear_bit(_WDOG_KEEPALIVE, &wd_data->status))
        status |= WDIOF_KEEPALIVEPING;
    return status;
}

static int watchdog_set_timeout(struct watchdog_device *wdd, unsigned int timeout)
{
    int err = 0;

    if (!(wdd->info->options & WDIOF_SETTIMEOUT))
        return -EOPNOTSUPP;
    if (watchdog_timeout_invalid(wdd, timeout))
        return -EINVAL;
    if (wdd->ops->set_timeout) {
        err = wdd->ops->set_timeout(wdd, timeout);
    } else {
        wdd->timeout = timeout;
        if (wdd->pretimeout >= wdd->timeout)
            wdd->pretimeout = 0;
    }
    return err;
}

static int watchdog_get_timeleft(struct watchdog_device *wdd, unsigned int *timeleft)
{
    *timeleft = 0;
    if (!wdd->ops->get_timeleft)
        return -EOPNOTSUPP;
    *timeleft = wdd->ops->get_timeleft(wdd);
    return 0;
}

static struct watchdog_core_data *watchdog_of_inode(struct inode *inode)
{
    int minor = iminor(inode);
    int i;

    for (i = 0; i < MAX_DOGS; i++) {
        struct watchdog_core_data *wd_data = watchdogs[i];
        if (wd_data && (wd_data->node.minor == minor || (wd_data->misc.name && wd_data->misc.minor == minor)))
            return wd_data;
    }
    return NULL;
}

static int watchdog_open(struct inode *inode, struct file *file)
{
    struct watchdog_core_data *wd_data = watchdog_of_inode(inode);
    int err;

    if (!wd_data)
        return -ENODEV;
    /* the watchdog is single open */
    if (test_and_set_bit(_WDOG_DEV_OPEN, &wd_data->status))
        return -EBUSY;
    file->private_data = wd_data;
    err = watchdog_start(wd_data->wdd);
    if (err < 0) {
        clear_bit(_WDOG_DEV_OPEN, &wd_data->status);
        return err;
    }
    return stream_open(inode, file);
}

static ssize_t watchdog_write(struct file *file, const char __user *data, size_t len, loff_t *ppos)
{
    struct watchdog_core_data *wd_data = file->private_data;
    struct watchdog_device *wdd;
    int err;
    size_t i;
    char c;

    if (len == 0)
        return 0;
    /* in case someone wrote the magic character five months ago... */
    clear_bit(_WDOG_ALLOW_RELEASE, &wd_data->status);
    for (i = 0; i != len; i++) {
        if (get_user(c, data + i))
            return -EFAULT;
        if (c == 'V')
            set_bit(_WDOG_ALLOW_RELEASE, &wd_data->status);
    }
    /* someone wrote to us, so we send the watchdog a keepalive ping */
    err = -ENODEV;
    mutex_lock(&wd_data->lock);
    wdd = wd_data->wdd;
    if (wdd)
        err = watchdog_ping(wdd);
    mutex_unlock(&wd_data->lock);
    if (err < 0)
        return err;
    return len;
}

static long watchdog_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
    struct watchdog_core_data *wd_data = file->private_data;
    void __user *argp = (void __user *)arg;
    struct watchdog_device *wdd;
    int __user *p = argp;
    unsigned int val;
    int err;

    mutex_lock(&wd_data->lock);
    wdd = wd_data->wdd;
    if (!wdd) {
        err = -ENODEV;
        goto out_ioctl;
    }
    if (wdd->ops->ioctl) {
        err = wdd->ops->ioctl(wdd, cmd, arg);
        if (err != -ENOIOCTLCMD)
            goto out_ioctl;
    }
    switch (cmd) {
    case WDIOC_GETSUPPORT:
        err = copy_to_user(argp, wdd->info, sizeof(struct watchdog_info)) ? -EFAULT : 0;
        break;
    case WDIOC_GETSTATUS:
        val = watchdog_get_status(wdd);
        err = put_user(val, p);
        break;
    case WDIOC_GETBOOTSTATUS:
        err = put_user(wdd->bootstatus, p);
        break;
    case WDIOC_SETOPTIONS:
        if (get_user(val, p)) {
            err = -EFAULT;
            break;
        }
        err = -EINVAL;
        if (val & WDIOS_DISABLECARD) {
            err = watchdog_stop(wdd);
            if (err < 0)
                break;
        }
        if (val & WDIOS_ENABLECARD)
            err = watchdog_start(wdd);
        break;
    case WDIOC_KEEPALIVE:
        if (!(wdd->info->options & WDIOF_KEEPALIVEPING)) {
            err = -EOPNOTSUPP;
            break;
        }
        err = watchdog_ping(wdd);
        break;
    case WDIOC_SETTIMEOUT:
        if (get_user(val, p)) {
            err = -EFAULT;
            break;
        }
        err = watchdog_set_timeout(wdd, val);
        if (err < 0)
            break;
        /* the new timeout takes effect with a keepalive ping */
        err = watchdog_ping(wdd);
        if (err < 0)
            break;
        if (wdd->timeout == 0) {
            err = -EOPNOTSUPP;
            break;
        }
        err = put_user(wdd->timeout, p);
        break;
    case WDIOC_GETTIMEOUT:
        if (wdd->timeout == 0) {
            err = -EOPNOTSUPP;
            break;
        }
        err = put_user(wdd->timeout, p);
        break;
    case WDIOC_GETTIMELEFT:
        err = watchdog_get_timeleft(wdd, &val);
        if (err < 0)
            break;
        err = put_user(val, p);
        break;
    default:
        err = -ENOTTY;
        break;
    }
out_ioctl:
    mutex_unlock(&wd_data->lock);
    return err;
}

static int watchdog_release(struct inode *inode, struct file *file)
{
    struct watchdog_core_data *wd_data = file->private_data;
    struct watchdog_device *wdd;
    int err = -EBUSY;

    mutex_lock(&wd_data->lock);
    wdd = wd_data->wdd;
    if (!wdd)
        goto done;
    /* stop only after the magic character, or if the device has no magic close */
    if (!watchdog_active(wdd))
        err = 0;
    else if (test_and_clear_bit(_WDOG_ALLOW_RELEASE, &wd_data->status) ||
             !(wdd->info->options & WDIOF_MAGICCLOSE))
        err = watchdog_stop(wdd);
    /* if the watchdog was not stopped, send a keepalive ping */
    if (err < 0) {
        pr_crit("watchdog%d: watchdog did not stop!\n", wdd->id);
        watchdog_ping(wdd);
    }
done:
    /* /dev/watchdog can be opened again */
    clear_bit(_WDOG_DEV_OPEN, &wd_data->status);
    mutex_unlock(&wd_data->lock);
    return 0;
}

static const struct file_operations watchdog_fops = {
    .owner = THIS_MODULE,
    .write = watchdog_write,
    .unlocked_ioctl = watchdog_ioctl,
    .open = watchdog_open,
    .release = watchdog_release,
};

int watchdog_register_device(struct watchdog_device *wdd)
{
    struct watchdog_core_data *wd_data;
    int id, ret;

    if (!wdd || !wdd->info || !wdd->ops)
        return -EINVAL;
    /* mandatory operations */
    if (!wdd->ops->start || (!wdd->ops->stop && !wdd->max_hw_heartbeat_ms))
        return -EINVAL;
    watchdog_check_min_max_timeout(wdd);

    mutex_lock(&watchdog_register_lock);
    for (id = 0; id < MAX_DOGS && watchdogs[id]; id++)
        ;
    if (id == MAX_DOGS) {
        mutex_unlock(&watchdog_register_lock);
        return -ENOSPC;
    }
    wd_data = kzalloc(sizeof(*wd_data), GFP_KERNEL);
    if (!wd_data) {
        mutex_unlock(&watchdog_register_lock);
        return -ENOMEM;
    }
    mutex_init(&wd_data->lock);
    wd_data->wdd = wdd;
    wdd->wd_data = wd_data;
    wdd->id = id;
    if (id == 0) {
        wd_data->misc.minor = WATCHDOG_MINOR;
        wd_data->misc.name = "watchdog";
        wd_data->misc.fops = &watchdog_fops;
        ret = misc_register(&wd_data->misc);
        if (ret != 0) {
            pr_err("%s: cannot register miscdev on minor=%d (err=%d).\n",
                   wdd->info->identity, WATCHDOG_MINOR, ret);
            kfree(wd_data);
            mutex_unlock(&watchdog_register_lock);
            return ret;
        }
    }
    scnprintf(wd_data->node_name, sizeof(wd_data->node_name), "watchdog%d", id);
    wd_data->node.minor = MISC_DYNAMIC_MINOR;
    wd_data->node.name = wd_data->node_name;
    wd_data->node.fops = &watchdog_fops;
    ret = misc_register(&wd_data->node);
    if (ret) {
        pr_err("watchdog%d unable to add device %d:%d\n", id, 0, id);
        if (id == 0)
            misc_deregister(&wd_data->misc);
        kfree(wd_data);
        mutex_unlock(&watchdog_register_lock);
        return ret;
    }
    watchdogs[id] = wd_data;
    mutex_unlock(&watchdog_register_lock);
    return 0;
}

void watchdog_unregister_device(struct watchdog_device *wdd)
{
    struct watchdog_core_data *wd_data;

    if (!wdd || !wdd->wd_data)
        return;
    wd_data = wdd->wd_data;
    if (watchdog_active(wdd) && test_bit(WDOG_STOP_ON_UNREGISTER, &wdd->status))
        watchdog_stop(wdd);
    mutex_lock(&watchdog_register_lock);
    watchdogs[wdd->id] = NULL;
    mutex_unlock(&watchdog_register_lock);
    misc_deregister(&wd_data->node);
    if (wdd->id == 0)
        misc_deregister(&wd_data->misc);
    mutex_lock(&wd_data->lock);
    wd_data->wdd = NULL;
    wdd->wd_data = NULL;
    mutex_unlock(&wd_data->lock);
}

int devm_watchdog_register_device(struct device *dev, struct watchdog_device *wdd)
{
    return watchdog_register_device(wdd);
}
