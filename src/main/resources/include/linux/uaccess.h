/* spinlab's model of <linux/uaccess.h>: copying between user and kernel memory. */
#ifndef _SPINLAB_LINUX_UACCESS_H
#define _SPINLAB_LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Both return the number of bytes that could NOT be copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
unsigned long clear_user(void __user *to, unsigned long n);

#endif
