/*
 * spinlab's model of <linux/watchdog.h> and <uapi/linux/watchdog.h> (drivers/watchdog/
 * watchdog_core.c and watchdog_dev.c): the watchdog core. A driver fills a watchdog_device
 * (info, ops, timeouts) and registers it; the core gives it /dev/watchdog (the misc minor 130)
 * and /dev/watchdogN, starts it on open, pings it on every write and WDIOC_KEEPALIVE, and on
 * close stops it only after the magic 'V' (WDIOF_MAGICCLOSE) or "watchdog did not stop!".
 *
 * Not modelled: the core's own keepalive worker for hardware with max_hw_heartbeat_ms, the
 * pretimeout governors, sysfs attributes, reboot/restart notifiers. /dev/watchdogN is a second
 * misc node reaching the same device (the kernel gives it a watchdog major of its own).
 */
#ifndef _SPINLAB_LINUX_WATCHDOG_H
#define _SPINLAB_LINUX_WATCHDOG_H

#include <linux/types.h>
#include <linux/ioctl.h>
#include <linux/bitops.h>
#include <linux/limits.h>
#include <linux/device.h>

#define WATCHDOG_IOCTL_BASE 'W'

struct watchdog_info {
    __u32 options;          /* options the card/driver supports */
    __u32 firmware_version; /* firmware version of the card */
    __u8 identity[32];      /* identity of the board */
};

#define WDIOC_GETSUPPORT _IOR(WATCHDOG_IOCTL_BASE, 0, struct watchdog_info)
#define WDIOC_GETSTATUS _IOR(WATCHDOG_IOCTL_BASE, 1, int)
#define WDIOC_GETBOOTSTATUS _IOR(WATCHDOG_IOCTL_BASE, 2, int)
#define WDIOC_GETTEMP _IOR(WATCHDOG_IOCTL_BASE, 3, int)
#define WDIOC_SETOPTIONS _IOR(WATCHDOG_IOCTL_BASE, 4, int)
#define WDIOC_KEEPALIVE _IOR(WATCHDOG_IOCTL_BASE, 5, int)
#define WDIOC_SETTIMEOUT _IOWR(WATCHDOG_IOCTL_BASE, 6, int)
#define WDIOC_GETTIMEOUT _IOR(WATCHDOG_IOCTL_BASE, 7, int)
#define WDIOC_SETPRETIMEOUT _IOWR(WATCHDOG_IOCTL_BASE, 8, int)
#define WDIOC_GETPRETIMEOUT _IOR(WATCHDOG_IOCTL_BASE, 9, int)
#define WDIOC_GETTIMELEFT _IOR(WATCHDOG_IOCTL_BASE, 10, int)

#define WDIOF_UNKNOWN -1
#define WDIOS_UNKNOWN -1
#define WDIOF_OVERHEAT 0x0001
#define WDIOF_FANFAULT 0x0002
#define WDIOF_EXTERN1 0x0004
#define WDIOF_EXTERN2 0x0008
#define WDIOF_POWERUNDER 0x0010
#define WDIOF_CARDRESET 0x0020
#define WDIOF_POWEROVER 0x0040
#define WDIOF_SETTIMEOUT 0x0080
#define WDIOF_MAGICCLOSE 0x0100
#define WDIOF_PRETIMEOUT 0x0200
#define WDIOF_ALARMONLY 0x0400
#define WDIOF_KEEPALIVEPING 0x8000

#define WDIOS_DISABLECARD 0x0001
#define WDIOS_ENABLECARD 0x0002
#define WDIOS_TEMPPANIC 0x0004

#define WATCHDOG_MINOR 130

struct watchdog_device;
struct watchdog_core_data;
struct module;

struct watchdog_ops {
    struct module *owner;
    int (*start)(struct watchdog_device *);
    int (*stop)(struct watchdog_device *);
    int (*ping)(struct watchdog_device *);
    unsigned int (*status)(struct watchdog_device *);
    int (*set_timeout)(struct watchdog_device *, unsigned int);
    int (*set_pretimeout)(struct watchdog_device *, unsigned int);
    unsigned int (*get_timeleft)(struct watchdog_device *);
    int (*restart)(struct watchdog_device *, unsigned long, void *);
    long (*ioctl)(struct watchdog_device *, unsigned int, unsigned long);
};

struct watchdog_device {
    int id;
    struct device *parent;
    const struct watchdog_info *info;
    const struct watchdog_ops *ops;
    unsigned int bootstatus;
    unsigned int timeout;
    unsigned int pretimeout;
    unsigned int min_timeout;
    unsigned int max_timeout;
    unsigned int min_hw_heartbeat_ms;
    unsigned int max_hw_heartbeat_ms;
    void *driver_data;
    struct watchdog_core_data *wd_data;
    unsigned long status;
};

/* bit numbers of watchdog_device.status */
#define WDOG_ACTIVE 0
#define WDOG_NO_WAY_OUT 1
#define WDOG_STOP_ON_REBOOT 2
#define WDOG_HW_RUNNING 3
#define WDOG_STOP_ON_UNREGISTER 4
#define WDOG_NO_PING_ON_SUSPEND 5

/* CONFIG_WATCHDOG_NOWAYOUT is not set in the model's configuration */
#define WATCHDOG_NOWAYOUT 0
#define WATCHDOG_NOWAYOUT_INIT_STATUS (WATCHDOG_NOWAYOUT << WDOG_NO_WAY_OUT)

static inline bool watchdog_active(struct watchdog_device *wdd)
{
    return test_bit(WDOG_ACTIVE, &wdd->status);
}

static inline bool watchdog_hw_running(struct watchdog_device *wdd)
{
    return test_bit(WDOG_HW_RUNNING, &wdd->status);
}

static inline void watchdog_set_nowayout(struct watchdog_device *wdd, bool nowayout)
{
    if (nowayout)
        set_bit(WDOG_NO_WAY_OUT, &wdd->status);
}

static inline void watchdog_stop_on_reboot(struct watchdog_device *wdd)
{
    set_bit(WDOG_STOP_ON_REBOOT, &wdd->status);
}

static inline void watchdog_stop_on_unregister(struct watchdog_device *wdd)
{
    set_bit(WDOG_STOP_ON_UNREGISTER, &wdd->status);
}

static inline void watchdog_stop_ping_on_suspend(struct watchdog_device *wdd)
{
    set_bit(WDOG_NO_PING_ON_SUSPEND, &wdd->status);
}

static inline bool watchdog_timeout_invalid(struct watchdog_device *wdd, unsigned int t)
{
    return t > UINT_MAX / 1000 || t < wdd->min_timeout ||
           (!wdd->max_hw_heartbeat_ms && wdd->max_timeout && t > wdd->max_timeout);
}

static inline void watchdog_set_drvdata(struct watchdog_device *wdd, void *data)
{
    wdd->driver_data = data;
}

static inline void *watchdog_get_drvdata(struct watchdog_device *wdd)
{
    return wdd->driver_data;
}

void watchdog_set_restart_priority(struct watchdog_device *wdd, int priority);
int watchdog_init_timeout(struct watchdog_device *wdd, unsigned int timeout_parm, struct device *dev);
int watchdog_register_device(struct watchdog_device *wdd);
void watchdog_unregister_device(struct watchdog_device *wdd);
int devm_watchdog_register_device(struct device *dev, struct watchdog_device *wdd);
void watchdog_notify_pretimeout(struct watchdog_device *wdd);

#endif
