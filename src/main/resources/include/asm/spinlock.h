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

unsigned int __ldrex(volatile void *p);
int __strex(unsigned int value, volatile void *p);
void __wfe(void);
void __sev(void);
void __dmb(void);
void __dsb(void);

#define smp_mb() __dmb()
#define dsb_sev() do { __dsb(); __sev(); } while (0)

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

#endif
