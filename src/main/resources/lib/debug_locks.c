/*
 * spinlab's model of lib/debug_locks.c: lock debugging reports only the first problem it
 * finds. spin_bug() and DEBUG_LOCKS_WARN_ON() call debug_locks_off() and print only when it
 * returns 1, so after one report the kernel goes on without further lock-debugging output
 * (the system is already known to be broken, and the rest would be noise).
 */
#include <linux/kernel.h>
#include <linux/debug_locks.h>

extern int oops_in_progress;

int debug_locks = 1;

int debug_locks_off(void)
{
    if (debug_locks) {
        debug_locks = 0;
        return 1;
    }
    return 0;
}

int __debug_locks_warn(const char *cond)
{
    if (!oops_in_progress && debug_locks_off())
        WARN(1, "DEBUG_LOCKS_WARN_ON(%s)", cond);
    return 1;
}
