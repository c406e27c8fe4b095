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

#ifdef CONFIG_PREEMPT_RT
#include <linux/rtmutex.h>

/*
 * PREEMPT_RT's rwlock_t core (include/linux/rwbase_rt.h): readers share, a writer excludes
 * them; built on an rt_mutex, which writers hold and blocked readers wait on (priority
 * inheritance to the writer). The model counts readers and the writer under the rt_mutex's
 * wait_lock (kernel/locking/spinlock_rt.c).
 */
struct rwbase_rt {
    int readers;                        /* readers holding the lock */
    int writer;                         /* a writer holds it, or waits for the readers to leave */
    struct task_struct *waiting_writer; /* the writer waiting for the last reader */
    struct rt_mutex_base rtmutex;
};
#endif

/*
 * Under PREEMPT_RT the lock is rwbase (the model keeps the !RT fields in front, unused there,
 * so that kernel/locking/spinlock.c's !RT rwlock functions still compile unchanged).
 */
typedef struct {
    arch_rwlock_t raw_lock;
    unsigned int magic, owner_cpu;
    void *owner;
    struct lockdep_map dep_map;
#ifdef CONFIG_PREEMPT_RT
    struct rwbase_rt rwbase;
#endif
} rwlock_t;

#define RWLOCK_MAGIC 0xdeaf1eed

#ifndef CONFIG_PREEMPT_RT
#define __RW_LOCK_UNLOCKED(lockname) { .raw_lock = { 0 }, .magic = RWLOCK_MAGIC, \
    .owner_cpu = -1, .owner = (void *)-1L, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_CONFIG) }
#else
#define __RW_LOCK_UNLOCKED(lockname) { .raw_lock = { 0 }, .magic = RWLOCK_MAGIC, \
    .owner_cpu = -1, .owner = (void *)-1L, .dep_map = STATIC_LOCKDEP_MAP_INIT(#lockname, LD_WAIT_CONFIG), \
    .rwbase = { .rtmutex = __RT_MUTEX_BASE_INITIALIZER(lockname.rwbase.rtmutex) } }
#endif
#define DEFINE_RWLOCK(x) rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
