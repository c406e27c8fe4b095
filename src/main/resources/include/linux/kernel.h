/* spinlab's model of <linux/kernel.h>: the everyday helpers of kernel code. */
#ifndef _SPINLAB_LINUX_KERNEL_H
#define _SPINLAB_LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/kstrtox.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

/* From a pointer to a member back to the structure that contains it. */
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

/* Plain ternaries: unlike the kernel's, these evaluate an argument twice. */
#define min(a, b) ((a) < (b) ? (a) : (b))
#define max(a, b) ((a) > (b) ? (a) : (b))
#define min_t(type, a, b) ((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b) ((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define clamp(val, lo, hi) min(max(val, lo), hi)

#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))

int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsprintf(char *buf, const char *fmt, va_list args);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

#endif
