/* spinlab's model of <linux/bug.h>: BUG/WARN reporting over simulator hooks. */
#ifndef _SPINLAB_LINUX_BUG_H
#define _SPINLAB_LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>

/* Oopses the current simulated task; the call's location is the BUG() line. */
void __spinlab_bug(void) __attribute__((noreturn));
/* Prints a warning with a backtrace when cond is nonzero; returns cond so WARN_ON can be tested. */
int __spinlab_warn_on(int cond);
/*
 * WARN_ON_ONCE: the first time cond holds at a call site, as WARN_ON; the sites that have
 * warned are kept in kernel memory (lib/bug.c: __warn_once_done, report_bug()'s BUGFLAG_DONE).
 */
int __spinlab_warn_on_once(int cond);
#define WARN_ONCE_SITES 128
int __spinlab_warn(int cond, const char *fmt, ...);
int __spinlab_warn_once(int cond, const char *fmt, ...);

/*
 * The model kernel's one way to tell spinlab what it reported: kind names the finding
 * (spinlab's FindingKind, e.g. "spinlock-recursion"), message is the report's headline as
 * printed; where says whose stack it is about: the caller's, the context the innermost
 * interrupt (an NMI, the tick) interrupted, or none.
 */
#define SPINLAB_FINDING_HERE        0
#define SPINLAB_FINDING_INTERRUPTED 1
#define SPINLAB_FINDING_NO_STACK    2
void __spinlab_finding(const char *kind, const char *message, int where);

/* add_taint(TAINT_WARN, LOCKDEP_STILL_OK) (kernel/panic.c): the W in "Tainted: G        W". */
void add_taint_warn(void);

#define BUG() __spinlab_bug()
#define BUG_ON(cond) do { if (unlikely(cond)) BUG(); } while (0)
#define WARN_ON(cond) __spinlab_warn_on(!!(cond))
#define WARN_ON_ONCE(cond) __spinlab_warn_on_once(!!(cond))
#define WARN(cond, fmt, ...) __spinlab_warn(!!(cond), fmt, ##__VA_ARGS__)
#define WARN_ONCE(cond, fmt, ...) __spinlab_warn_once(!!(cond), fmt, ##__VA_ARGS__)

#endif
