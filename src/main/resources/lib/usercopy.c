/*
 * spinlab's model of lib/usercopy.c and its neighbours (lib/strncpy_from_user.c,
 * lib/strnlen_user.c, mm/memory.c's __might_fault, x86's get_user/put_user/clear_user): the
 * kernel's side of user copies over the architecture's fault-safe primitives
 * raw_copy_from_user(), raw_copy_to_user() and __clear_user() (intrinsics). A user copy may
 * fault in a page, so it may sleep; a bad user address gives what Linux gives, never an oops.
 */
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/sched.h>

/* lib/usercopy.c: _copy_to_user() — the number of bytes that could not be copied */
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
    might_fault();
    if (likely(access_ok(to, n)))
        n = raw_copy_to_user(to, from, n);
    return n;
}

/*
 * lib/usercopy.c: _copy_from_user() — the number of bytes that could not be copied; the
 * kernel buffer's tail that was not copied is zeroed, so the caller never sees stale bytes.
 */
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
    unsigned long res = n;

    might_fault();
    if (likely(access_ok(from, n)))
        res = raw_copy_from_user(to, from, n);
    if (unlikely(res))
        memset((char *)to + (n - res), 0, res);
    return res;
}

/*
 * lib/strncpy_from_user.c: the length of the string copied (without its NUL); count when the
 * string does not end within count bytes (dst is then not terminated); -EFAULT when a byte
 * cannot be read before either, or the string runs into the end of the user address space.
 * Byte at a time (the kernel's falls back to that after a word faults, which is what decides
 * the result). The kernel also calls might_fault() first; the model leaves it out, so that
 * every open() does not pay for a check that cannot fire there.
 */
long strncpy_from_user(char *dst, const char __user *src, long count)
{
    unsigned long addr = (unsigned long)src;
    unsigned long max;
    long res = 0;

    if (unlikely(count <= 0))
        return 0;
    if (addr >= TASK_SIZE_MAX)
        return -EFAULT;
    max = TASK_SIZE_MAX - addr;
    if (max > count)
        max = count;
    while (max) {
        char c;

        if (raw_copy_from_user(&c, src + res, 1))
            return -EFAULT;
        dst[res] = c;
        if (!c)
            return res;
        res++;
        max--;
    }
    if (res >= count)
        return res;
    return -EFAULT;
}

/* mm/memory.c: __might_fault() — a user access may fault in a page, so it may sleep */
void __might_fault(const char *file, int line)
{
    __might_sleep(file, line);
}

/*
 * arch/x86/include/asm/uaccess.h: get_user() and put_user() (might_fault(), then the range
 * check of the user access) and their unchecked __ forms (neither), all fault-safe.
 */
int __spinlab_get_user(void *val, const void __user *ptr, unsigned long size, int check)
{
    if (check) {
        might_fault();
        if (!access_ok(ptr, size))
            return -EFAULT;
    }
    if (raw_copy_from_user(val, ptr, size)) {
        memset(val, 0, size);
        return -EFAULT;
    }
    return 0;
}

int __spinlab_put_user(const void *val, void __user *ptr, unsigned long size, int check)
{
    if (check) {
        might_fault();
        if (!access_ok(ptr, size))
            return -EFAULT;
    }
    if (raw_copy_to_user(ptr, val, size))
        return -EFAULT;
    return 0;
}

/* arch/x86/include/asm/uaccess_64.h: clear_user() returns the bytes it could not clear */
unsigned long clear_user(void __user *to, unsigned long n)
{
    might_fault();
    if (!access_ok(to, n))
        return n;
    return __clear_user(to, n);
}

/*
 * lib/strnlen_user.c: the length including the terminating NUL; count + 1 when there is none
 * within count bytes; 0 when a byte cannot be read first (or count <= 0).
 */
long strnlen_user(const char __user *str, long count)
{
    unsigned long addr = (unsigned long)str;
    unsigned long max;
    long res = 0;

    might_fault();
    if (unlikely(count <= 0) || addr >= TASK_SIZE_MAX)
        return 0;
    max = TASK_SIZE_MAX - addr;
    if (max > count)
        max = count;
    while (max) {
        char c;

        if (raw_copy_from_user(&c, str + res, 1))
            return 0;
        res++;
        if (!c)
            return res;
        max--;
    }
    if (res >= count)
        return count + 1;
    return 0;
}
