/*
 * spinlab's model of arch/arm/include/asm/spinlock.h: the ARM32 ticket lock (ARMv6+).
 * lock->slock holds two 16-bit tickets: owner (now serving) in the low half, next (the next
 * ticket to hand out) in the high half. Taking the lock atomically increments next with an
 * ldrex/strex retry loop; the ticket it got is the old next, and the CPU waits in wfe until
 * owner reaches it. Unlock increments owner and signals the waiters with sev.
 * Written over the machine's ACLE intrinsics instead of inline assembly.
 */
#ifndef _SPINLAB_ASM_SPINLOCK_H
#define _SPINLAB_ASM_SPINLOCK_H

#include <linux/spinlock_types.h>

#define TICKET_SHIFT 16

#include <asm/barrier.h>

static inline void arch_spin_lock(arch_spinlock_t *lock)
{
    unsigned int lockval;
    unsigned int newval;
    unsigned int mine;

    do {
        lockval = __ldrex(&lock->slock);
        newval = lockval + (1 << TICKET_SHIFT);
    } while (__strex(newval, &lock->slock));
    mine = lockval >> TICKET_SHIFT;

    while (mine != (lockval & 0xffff)) {
        __wfe();
        lockval = (lockval & 0xffff0000) | lock->tickets.owner;
    }
    smp_mb();
}

static inline int arch_spin_trylock(arch_spinlock_t *lock)
{
    unsigned int slock;
    int res;

    do {
        slock = __ldrex(&lock->slock);
        if ((slock >> TICKET_SHIFT) != (slock & 0xffff))
            return 0;       /* contended: no waiting */
        res = __strex(slock + (1 << TICKET_SHIFT), &lock->slock);
    } while (res);
    smp_mb();
    return 1;
}

static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
    smp_mb();
    lock->tickets.owner++;
    dsb_sev();
}

/* The kernel passes the lock by value; the model's C has no struct arguments, so a pointer. */
static inline int arch_spin_value_unlocked(const arch_spinlock_t *lock)
{
    return lock->tickets.owner == lock->tickets.next;
}

static inline int arch_spin_is_locked(arch_spinlock_t *lock)
{
    unsigned int v = lock->slock;
    return (v >> TICKET_SHIFT) != (v & 0xffff);
}

/*
 * ARM32's rwlock (arch/arm/include/asm/spinlock.h). A writer waits (wfe) until the word is 0
 * and swaps in 0x80000000; a reader adds one unless the result is negative (a writer holds
 * it), else waits in wfe and retries. Writers get no priority: a reader is admitted whenever
 * no writer holds the lock, even while writers wait. That is what makes reader recursion
 * safe: a CPU that already holds the read lock (say, in task context) can take it again
 * (say, in an interrupt handler that interrupted it) although a writer on another CPU waits
 * for it; a fair rwlock would deadlock there. Unlocking a write lock, or the last read lock,
 * sends the event the waiters sleep for.
 */
static inline void arch_write_lock(arch_rwlock_t *rw)
{
    unsigned int tmp;

    for (;;) {
        tmp = __ldrex(&rw->lock);
        if (tmp != 0) {
            __wfe();
            continue;
        }
        if (__strex(0x80000000, &rw->lock) == 0)
            break;
    }
    smp_mb();
}

static inline int arch_write_trylock(arch_rwlock_t *rw)
{
    unsigned int contended;
    int res;

    do {
        contended = __ldrex(&rw->lock);
        if (contended) {
            __clrex();
            return 0;
        }
        res = __strex(0x80000000, &rw->lock);
    } while (res);
    smp_mb();
    return 1;
}

static inline void arch_write_unlock(arch_rwlock_t *rw)
{
    smp_mb();
    rw->lock = 0;
    dsb_sev();
}

static inline void arch_read_lock(arch_rwlock_t *rw)
{
    int tmp;

    for (;;) {
        tmp = (int)__ldrex(&rw->lock) + 1;
        if (tmp < 0) {          /* writer bit set: wait for its unlock */
            __wfe();
            continue;
        }
        if (__strex(tmp, &rw->lock) == 0)
            break;
    }
    smp_mb();
}

static inline void arch_read_unlock(arch_rwlock_t *rw)
{
    unsigned int tmp;

    smp_mb();
    do {
        tmp = __ldrex(&rw->lock) - 1;
    } while (__strex(tmp, &rw->lock));
    if (tmp == 0)
        dsb_sev();
}

static inline int arch_read_trylock(arch_rwlock_t *rw)
{
    int contended;

    for (;;) {
        contended = (int)__ldrex(&rw->lock) + 1;
        if (contended < 0) {
            __clrex();
            return 0;
        }
        if (__strex(contended, &rw->lock) == 0)
            break;
    }
    smp_mb();
    return 1;
}

#define arch_rwlock_is_contended(rw) ((rw)->lock != 0)

#endif
