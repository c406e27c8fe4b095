/* spinlab's model of lib/usercopy.c: user copies may fault in a page, so they may sleep. */
#include <linux/kernel.h>
#include <linux/uaccess.h>
#include <linux/string.h>
#include <linux/sched.h>

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
    might_sleep();
    memcpy(to, from, n);
    return 0;
}

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
    might_sleep();
    memcpy(to, from, n);
    return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
    long i;
    for (i = 0; i < count; i++) {
        dst[i] = src[i];
        if (dst[i] == 0)
            return i;
    }
    dst[count - 1] = 0;
    return count - 1;
}

/* mm/memory.c: __might_fault() — a user access may fault in a page, so it may sleep */
void __might_fault(const char *file, int line)
{
    __might_sleep(file, line);
}

/* get_user()/put_user()'s check: may fault, and the range must be a user range (-EFAULT) */
int __spinlab_user_access(const void __user *ptr, unsigned long size)
{
    might_fault();
    return !access_ok(ptr, size);
}

/* arch/x86/lib/usercopy_64.c: clear_user() returns the bytes it could not clear */
unsigned long clear_user(void __user *to, unsigned long n)
{
    might_fault();
    if (!access_ok(to, n))
        return n;
    memset(to, 0, n);
    return 0;
}

/* lib/strnlen_user.c: the length including the terminating NUL, or more than n if none within n */
long strnlen_user(const char __user *str, long n)
{
    long i;

    might_fault();
    for (i = 0; i < n; i++) {
        if (str[i] == 0)
            return i + 1;
    }
    return n + 1;
}
