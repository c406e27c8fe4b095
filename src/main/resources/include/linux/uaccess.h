/*
 * spinlab's model of <linux/uaccess.h> (lib/usercopy.c): moving data between user and kernel
 * memory. The model has one address space and no MMU (docs/kernel.md), so a user pointer is
 * an ordinary pointer: every access may fault in a page in the kernel, so it may sleep
 * (might_fault(): "sleeping function called from invalid context" under a spinlock, as with
 * CONFIG_DEBUG_ATOMIC_SLEEP), and a bad pointer is a fault of the interpreter rather than
 * -EFAULT.
 */
#ifndef _SPINLAB_LINUX_UACCESS_H
#define _SPINLAB_LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>

/* Both return the number of bytes that could NOT be copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);
unsigned long clear_user(void __user *to, unsigned long n);
#define __copy_to_user(to, from, n) copy_to_user((to), (from), (n))
#define __copy_from_user(to, from, n) copy_from_user((to), (from), (n))
#define __clear_user(to, n) clear_user((to), (n))

/* A user access may fault in a page: it may sleep (mm/memory.c: __might_fault). */
void __might_fault(const char *file, int line);
#define might_fault() __might_fault(__FILE__, __LINE__)

/* The user range is everything below TASK_SIZE_MAX; the model checks for wrap-around only. */
#define access_ok(addr, size) __access_ok((const void __user *)(addr), (unsigned long)(size))
static inline int __access_ok(const void __user *addr, unsigned long size)
{
    return (unsigned long)addr + size >= (unsigned long)addr;
}

/*
 * get_user(x, ptr) / put_user(x, ptr): one value of *ptr's type; 0, or -EFAULT when the
 * address is not a user address. Expressions, as in the kernel (ptr is evaluated twice).
 */
int __spinlab_user_access(const void __user *ptr, unsigned long size);
#define get_user(x, ptr) \
    (__spinlab_user_access((ptr), sizeof(*(ptr))) ? ((x) = 0, -EFAULT) : ((x) = *(ptr), 0))
#define put_user(x, ptr) \
    (__spinlab_user_access((ptr), sizeof(*(ptr))) ? -EFAULT : (*(ptr) = (x), 0))
/* the unchecked forms: the caller did access_ok() */
#define __get_user(x, ptr) (might_fault(), (x) = *(ptr), 0)
#define __put_user(x, ptr) (might_fault(), *(ptr) = (x), 0)

#endif
