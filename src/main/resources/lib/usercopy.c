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
