/*
 * spinlab's model of <linux/uaccess.h> (lib/usercopy.c): moving data between user and kernel
 * memory. The model has one address space and no MMU (docs/kernel.md), so a user pointer is
 * an ordinary pointer; every access may fault in a page in the kernel, so it may sleep
 * (might_fault(): "sleeping function called from invalid context" under a spinlock, as with
 * CONFIG_DEBUG_ATOMIC_SLEEP). A bad user pointer (NULL, unmapped, at or above TASK_SIZE_MAX,
 * a partly unmapped range) is what it is in the kernel: copy_*_user() return the bytes not
 * copied, strncpy_from_user(), get_user() and put_user() -EFAULT; never an oops. The copies
 * run on the architecture's fault-safe primitives raw_copy_from_user()/raw_copy_to_user()/
 * __clear_user() (machine intrinsics: kernel/UserAccessIntrinsics.java).
 */
#ifndef _SPINLAB_LINUX_UACCESS_H
#define _SPINLAB_LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <asm/page.h>

/* Both return the number of bytes that could NOT be copied (0 on success). */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
long strncpy_from_user(char *dst, const char __user *src, long count);
long strnlen_user(const char __user *str, long n);
unsigned long clear_user(void __user *to, unsigned long n);
#define __copy_to_user(to, from, n) copy_to_user((to), (from), (n))
#define __copy_from_user(to, from, n) copy_from_user((to), (from), (n))

/* A user access may fault in a page: it may sleep (mm/memory.c: __might_fault). */
void __might_fault(const char *file, int line);
#define might_fault() __might_fault(__FILE__, __LINE__)

/*
 * The user half of the address space (x86-64, 4-level paging: arch/x86/include/asm/
 * page_64_types.h). access_ok() is asm-generic/access_ok.h's check against it.
 */
#define TASK_SIZE_MAX ((1UL << 47) - PAGE_SIZE)
#define access_ok(addr, size) __access_ok((const void __user *)(addr), (unsigned long)(size))
static inline int __access_ok(const void __user *addr, unsigned long size)
{
    return size <= TASK_SIZE_MAX && (unsigned long)addr <= TASK_SIZE_MAX - size;
}

/*
 * The architecture's primitives (x86's copy_user_generic and `rep stosb` with their
 * exception-table fixups): they stop at the first user byte that faults and return the
 * number of bytes left; no access_ok(), no might_fault().
 */
unsigned long raw_copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long raw_copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __clear_user(void __user *to, unsigned long n);

/*
 * get_user(x, ptr) / put_user(x, ptr): one value of *ptr's type (1, 2, 4 or 8 bytes); 0, or
 * -EFAULT when the address is not mapped user memory (get_user() then sets x to 0). Statement
 * expressions, as x86's are: x and ptr are evaluated once. The value travels through an
 * unsigned long, as x86's __inttype() temporary does.
 */
int __spinlab_get_user(void *val, const void __user *ptr, unsigned long size, int check);
int __spinlab_put_user(const void *val, void __user *ptr, unsigned long size, int check);
#define __spinlab_get_user_x(x, ptr, check) ({ \
    unsigned long __gu_val = 0; \
    int __gu_err = __spinlab_get_user(&__gu_val, (ptr), sizeof(*(ptr)), (check)); \
    (x) = (__typeof__(*(ptr)))__gu_val; \
    __gu_err; })
#define __spinlab_put_user_x(x, ptr, check) ({ \
    __typeof__(*(ptr)) __pu_val = (x); \
    __spinlab_put_user(&__pu_val, (ptr), sizeof(*(ptr)), (check)); })
#define get_user(x, ptr) __spinlab_get_user_x(x, ptr, 1)
#define put_user(x, ptr) __spinlab_put_user_x(x, ptr, 1)
/* the unchecked forms: the caller did access_ok(); still fault-safe (the exception table) */
#define __get_user(x, ptr) __spinlab_get_user_x(x, ptr, 0)
#define __put_user(x, ptr) __spinlab_put_user_x(x, ptr, 0)

#endif
