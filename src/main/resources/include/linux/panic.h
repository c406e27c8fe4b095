/*
 * spinlab's model of <linux/panic.h> (kernel/panic.c): panic() prints "Kernel panic - not
 * syncing: MESSAGE", the stack, and "---[ end Kernel panic - not syncing: MESSAGE ]---", and
 * the machine stops (the run ends: the kernel would spin there forever, panic_timeout = 0).
 * panic() is a macro that formats its message first (no variadic definitions in the model's
 * compiler yet): the function itself takes the formatted message.
 */
#ifndef _SPINLAB_LINUX_PANIC_H
#define _SPINLAB_LINUX_PANIC_H

char *__spinlab_kasprintf(const char *fmt, ...);
void (panic)(const char *msg) __attribute__((noreturn));
#define panic(...) panic(__spinlab_kasprintf(__VA_ARGS__))

extern int panic_timeout;
extern int oops_in_progress;

#define TAINT_PROPRIETARY_MODULE 0
#define TAINT_WARN 9
#define TAINT_OOT_MODULE 12
#define TAINT_SOFTLOCKUP 14
#define LOCKDEP_STILL_OK 0
#define LOCKDEP_NOW_UNRELIABLE 1

/* kernel/panic.c keeps the taint mask in kernel memory: part of the machine's state. */
extern unsigned long tainted_mask;
void add_taint(unsigned flag, int lockdep_ok);
int test_taint(unsigned flag);

#endif
