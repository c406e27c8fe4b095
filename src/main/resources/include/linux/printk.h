/* spinlab's model of <linux/printk.h>: printk, log levels and the pr_*() helpers. */
#ifndef _SPINLAB_LINUX_PRINTK_H
#define _SPINLAB_LINUX_PRINTK_H

#include <linux/stdarg.h>

/* A log level is the SOH byte (\001) followed by the level digit, prefixed to the format. */
#define KERN_SOH "\001"
#define KERN_EMERG "\0010"
#define KERN_ALERT "\0011"
#define KERN_CRIT "\0012"
#define KERN_ERR "\0013"
#define KERN_WARNING "\0014"
#define KERN_NOTICE "\0015"
#define KERN_INFO "\0016"
#define KERN_DEBUG "\0017"
#define KERN_DEFAULT ""
#define KERN_CONT "\001c"

int printk(const char *fmt, ...);
int vprintk(const char *fmt, va_list args);
void dump_stack(void);

/* A file may define pr_fmt(fmt) before including this to prefix all its messages. */
#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warning pr_warn
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel pr_debug
#define pr_cont(fmt, ...) printk(KERN_CONT fmt, ##__VA_ARGS__)

#endif
