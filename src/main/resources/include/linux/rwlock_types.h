/*
 * spinlab's model of <linux/rwlock_types.h> with ARM32's arch_rwlock_t: one 32-bit word,
 * 0x80000000 while a writer holds it, otherwise the number of readers. With
 * CONFIG_DEBUG_SPINLOCK the lock also carries a magic number and the writer's task and CPU;
 * with lockdep, its map (class key and name), keyed as spinlocks are: the rwlock_init() call
 * site's static key, or the lock's own address for DEFINE_RWLOCK.
 */
#ifndef _SPINLAB_LINUX_RWLOCK_TYPES_H
#define _SPINLAB_LINUX_RWLOCK_TYPES_H

#include <linux/types.h>
#include <linux/lockdep.h>

typedef struct {
    u32 lock;
} arch_rwlock_t;

typedef struct {
    arch_rwlock_t raw_lock;
    unsigned int magic, owner_cpu;
    void *owner;
    struct lockdep_map dep_map;
} rwlock_t;

#define RWLOCK_MAGIC 0xdeaf1eed

#define __RW_LOCK_UNLOCKED(lockname) { .raw_lock = { 0 }, .magic = RWLOCK_MAGIC, \
    .owner_cpu = -1, .owner = (void *)-1L, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_CONFIG) }
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
