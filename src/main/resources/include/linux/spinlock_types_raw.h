/* spinlab's model of <linux/spinlock_types_raw.h>: raw_spinlock_t (an ARM32-style ticket
 * lock), which spins with preemption off in every configuration, PREEMPT_RT included. Split
 * from <linux/spinlock_types.h> as in the kernel, because under PREEMPT_RT spinlock_t is built
 * on an rt_mutex, whose wait_lock is a raw_spinlock_t.
 */
#ifndef _SPINLAB_LINUX_SPINLOCK_TYPES_RAW_H
#define _SPINLAB_LINUX_SPINLOCK_TYPES_RAW_H

#include <linux/types.h>
#include <linux/lockdep.h>

/* The architecture lock: a ticket pair that can also be read as one 32-bit word. */
typedef struct {
    union {
        u32 slock;
        struct __raw_tickets {
            u16 owner;
            u16 next;
        } tickets;
    };
} arch_spinlock_t;

/*
 * With spinlock debugging: a magic number and the owner, checked on every operation; with
 * lockdep, the lock's map (its class key and name). dep_map comes first so that a spinlock_t's
 * dep_map (the union below) is its rlock's, as the kernel's padding arranges.
 */
typedef struct raw_spinlock {
    struct lockdep_map dep_map;
    arch_spinlock_t raw_lock;
    unsigned int magic, owner_cpu;
    void *owner;
} raw_spinlock_t;

#define SPINLOCK_MAGIC 0xdead4ead

/* Statically initialised locks: no key (the validator keys them by their address), named #name. */
#define ___RAW_SPIN_LOCK_INITIALIZER(name, inner) \
    { .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, inner), .magic = SPINLOCK_MAGIC, .owner_cpu = -1 }
#define __RAW_SPIN_LOCK_UNLOCKED(name) ___RAW_SPIN_LOCK_INITIALIZER(name, LD_WAIT_SPIN)
#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)

#endif
