/* spinlab's model of <linux/spinlock_types.h>: spinlock layouts (an ARM32-style ticket lock). */
#ifndef _SPINLAB_LINUX_SPINLOCK_TYPES_H
#define _SPINLAB_LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

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

/* With spinlock debugging: a magic number and the owner, checked on every operation. */
typedef struct raw_spinlock {
    arch_spinlock_t raw_lock;
    unsigned int magic, owner_cpu;
    void *owner;
} raw_spinlock_t;

typedef struct spinlock {
    struct raw_spinlock rlock;
} spinlock_t;

#define SPINLOCK_MAGIC 0xdead4ead

#define __RAW_SPIN_LOCK_UNLOCKED(name) { .magic = SPINLOCK_MAGIC, .owner_cpu = -1 }
#define __SPIN_LOCK_UNLOCKED(name) { .rlock = __RAW_SPIN_LOCK_UNLOCKED(name) }

#define DEFINE_RAW_SPINLOCK(x) raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x) spinlock_t x = __SPIN_LOCK_UNLOCKED(x)

#include <linux/rwlock_types.h>

#endif
