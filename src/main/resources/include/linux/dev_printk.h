/*
 * spinlab's model of <linux/dev_printk.h>: printk with the device's driver (or bus, or class)
 * and name in front, as drivers/base/core.c's __dev_printk() writes it: "misc mydev: text" for
 * a misc device, "CLASS NAME: text" for a device_create() node, "(NULL device *): text" for a
 * NULL device. dev_dbg() prints only where DEBUG is defined (no CONFIG_DYNAMIC_DEBUG).
 */
#ifndef _SPINLAB_LINUX_DEV_PRINTK_H
#define _SPINLAB_LINUX_DEV_PRINTK_H

#include <linux/printk.h>
#include <linux/ratelimit_types.h>

struct device;

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#define __dev_printk_args(dev) \
    (dev) ? dev_driver_string(dev) : "(NULL device *)", (dev) ? " " : "", (dev) ? dev_name(dev) : ""

#define dev_printk(level, dev, fmt, ...) ({                               \
        const struct device *__dev_p = (dev);                           \
        printk(level "%s%s%s: " fmt, __dev_printk_args(__dev_p), ##__VA_ARGS__); \
    })

#define dev_emerg(dev, fmt, ...) dev_printk(KERN_EMERG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...) dev_printk(KERN_ALERT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) dev_printk(KERN_CRIT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) dev_printk(KERN_ERR, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) dev_printk(KERN_WARNING, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) dev_printk(KERN_NOTICE, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) dev_printk(KERN_INFO, dev, dev_fmt(fmt), ##__VA_ARGS__)

#ifdef DEBUG
#define dev_dbg(dev, fmt, ...) dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...) ((void)(dev), no_printk(KERN_DEBUG dev_fmt(fmt), ##__VA_ARGS__))
#endif
#define dev_vdbg(dev, fmt, ...) ((void)(dev), no_printk(KERN_DEBUG dev_fmt(fmt), ##__VA_ARGS__))

#define dev_level_once(dev_level, dev, fmt, ...) ({                     \
        static bool __print_once;                                       \
        if (!__print_once) {                                            \
            __print_once = true;                                        \
            dev_level(dev, fmt, ##__VA_ARGS__);                         \
        }                                                               \
    })
#define dev_emerg_once(dev, fmt, ...) dev_level_once(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_once(dev, fmt, ...) dev_level_once(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_once(dev, fmt, ...) dev_level_once(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_once(dev, fmt, ...) dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...) dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_once(dev, fmt, ...) dev_level_once(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...) dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...) dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)

#define dev_level_ratelimited(dev_level, dev, fmt, ...) ({              \
        static struct ratelimit_state _rs =                             \
            RATELIMIT_STATE_INIT(_rs, DEFAULT_RATELIMIT_INTERVAL, DEFAULT_RATELIMIT_BURST); \
        if (__ratelimit(&_rs))                                          \
            dev_level(dev, fmt, ##__VA_ARGS__);                         \
    })
#define dev_emerg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_emerg, dev, fmt, ##__VA_ARGS__)
#define dev_alert_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_alert, dev, fmt, ##__VA_ARGS__)
#define dev_crit_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_crit, dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_notice_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_notice, dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_ratelimited(dev, fmt, ...) dev_level_ratelimited(dev_dbg, dev, fmt, ##__VA_ARGS__)

#endif
