/*
 * spinlab's model of <linux/rcupdate.h>.
 *
 * The read side: in a module, rcu_read_lock() disables preemption, as the kernel's
 * non-preemptible RCU does (CONFIG_PREEMPT_RCU=n, the RCU of the none and voluntary
 * preemption models; under --preempt full the kernel would use preemptible RCU, whose readers
 * may be preempted: the model's are not). So a reader that sleeps is the kernel's "BUG:
 * sleeping function called from invalid context". The model kernel's own readers (netfilter,
 * the IPv4 path) keep a marker that touches nothing: the model never frees what they read
 * (replaced hook arrays are kept), so their grace periods do not matter, and their step counts
 * stay those of the kernel paths they model.
 *
 * The update side (kernel/rcu/update.c): synchronize_rcu() waits for every CPU to pass
 * through a quiescent state (a context switch to a worker on that CPU), so every reader that
 * began before it has finished; call_rcu() and kfree_rcu() run their callbacks after such a
 * grace period, from a work item with bottom halves disabled (the kernel runs them from
 * RCU_SOFTIRQ); rcu_barrier() waits for them. The _bh read side disables bottom halves, and
 * its unlock is a local_bh_enable() that runs pending softirqs.
 */
#ifndef _SPINLAB_LINUX_RCUPDATE_H
#define _SPINLAB_LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/bottom_half.h>
#include <linux/preempt.h>
#include <linux/stddef.h>
#include <linux/lockdep.h>

struct rcu_head {
    struct rcu_head *next;
    void (*func)(struct rcu_head *head);
};
#define callback_head rcu_head
typedef void (*rcu_callback_t)(struct rcu_head *head);

/*
 * Lockdep's RCU read-side maps (kernel/rcu/update.c): a module's reader holds one as a
 * recursive read lock taken without dependency checks (rcu_lock_acquire: read 2, check 0), so
 * lockdep lists it among the held locks and check_wait_context() keeps sleeping locks out of
 * rcu_read_lock() and rcu_read_lock_bh() sections (inner LD_WAIT_CONFIG) and spinlock_t out of
 * rcu_read_lock_sched() ones (inner LD_WAIT_SPIN); their outer type LD_WAIT_FREE lets a reader
 * start anywhere. The acquire and release are observers (no step of their own), so a run's step
 * counts do not move. The model kernel's own readers (the non-MODULE markers) are not tracked.
 */
extern struct lockdep_map rcu_lock_map;
extern struct lockdep_map rcu_bh_lock_map;
extern struct lockdep_map rcu_sched_lock_map;
void rcu_lock_acquire(struct lockdep_map *map);
void rcu_lock_release(struct lockdep_map *map);

#ifdef MODULE
#define rcu_read_lock() do { preempt_disable(); rcu_lock_acquire(&rcu_lock_map); } while (0)
#define rcu_read_unlock() do { rcu_lock_release(&rcu_lock_map); preempt_enable(); } while (0)
#define rcu_read_lock_sched() do { preempt_disable(); rcu_lock_acquire(&rcu_sched_lock_map); } while (0)
#define rcu_read_unlock_sched() do { rcu_lock_release(&rcu_sched_lock_map); preempt_enable(); } while (0)
#else
#define rcu_read_lock() do { } while (0)
#define rcu_read_unlock() do { } while (0)
#define rcu_read_lock_sched() preempt_disable()
#define rcu_read_unlock_sched() preempt_enable()
#endif

#define rcu_dereference(p) (p)
#define rcu_dereference_bh(p) (p)
#define rcu_dereference_sched(p) (p)
#define rcu_dereference_check(p, c) (p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_dereference_raw(p) (p)
#define rcu_access_pointer(p) (p)
/* the kernel's smp_store_release(); the model's stores are not reordered */
#define rcu_assign_pointer(p, v) ((p) = (v))
#define RCU_INIT_POINTER(p, v) ((p) = (v))
#define RCU_INITIALIZER(v) (v)
#define rcu_replace_pointer(rcu_ptr, ptr, c) \
    ({ typeof(ptr) __tmp = (rcu_ptr); (rcu_ptr) = (ptr); __tmp; })
#define rcu_read_lock_held() 1
#define rcu_read_lock_bh_held() 1
#define rcu_read_lock_sched_held() 1
#define __rcu

void synchronize_rcu(void);
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void rcu_barrier(void);
void __spinlab_kfree_rcu(struct rcu_head *head, unsigned long offset);
void __spinlab_kfree_rcu_mightsleep(const void *ptr);
#define synchronize_net() do { } while (0)
#define synchronize_rcu_expedited() synchronize_rcu()
#define synchronize_sched() synchronize_rcu()
#define call_rcu_hurry(head, func) call_rcu((head), (func))
#define cond_synchronize_rcu(cookie) synchronize_rcu()

/*
 * kfree_rcu(ptr, rhf): free ptr after a grace period, through its struct rcu_head member rhf
 * (the offset of the head in the object rides in the callback slot, as the kernel's
 * __kfree_rcu once encoded it); kfree_rcu_mightsleep(ptr) without a head may wait for one.
 */
#define __spinlab_kfree_rcu_2(ptr, rhf) \
    __spinlab_kfree_rcu(&(ptr)->rhf, offsetof(typeof(*(ptr)), rhf))
#define __spinlab_kfree_rcu_1(ptr) __spinlab_kfree_rcu_mightsleep(ptr)
#define __spinlab_rcu_pick(_1, _2, chosen, ...) chosen
#define kfree_rcu(...) __spinlab_rcu_pick(__VA_ARGS__, __spinlab_kfree_rcu_2, __spinlab_kfree_rcu_1)(__VA_ARGS__)
#define kvfree_rcu(...) kfree_rcu(__VA_ARGS__)
#define kfree_rcu_mightsleep(ptr) __spinlab_kfree_rcu_mightsleep(ptr)
#define kvfree_rcu_mightsleep(ptr) __spinlab_kfree_rcu_mightsleep(ptr)

static inline void rcu_read_lock_bh(void)
{
    local_bh_disable();
#ifdef MODULE
    rcu_lock_acquire(&rcu_bh_lock_map);
#endif
}

static inline void rcu_read_unlock_bh(void)
{
#ifdef MODULE
    rcu_lock_release(&rcu_bh_lock_map);
#endif
    local_bh_enable();
}

#endif

#if defined(MODULE) && defined(CONFIG_PREEMPT_RT)
/* PREEMPT_RT implies preemptible RCU: a reader counts its nesting (kernel/rcu/update.c) */
void __rcu_read_lock(void);
void __rcu_read_unlock(void);
#undef rcu_read_lock
#undef rcu_read_unlock
#define rcu_read_lock() do { __rcu_read_lock(); rcu_lock_acquire(&rcu_lock_map); } while (0)
#define rcu_read_unlock() do { rcu_lock_release(&rcu_lock_map); __rcu_read_unlock(); } while (0)
#endif

/* guard(rcu)(): an RCU read-side critical section to the end of the scope (6.6's rcupdate.h),
 * after the PREEMPT_RT flavour above has settled what rcu_read_lock() is */
#ifndef _SPINLAB_LINUX_RCUPDATE_GUARD
#define _SPINLAB_LINUX_RCUPDATE_GUARD
#include <linux/cleanup.h>
DEFINE_LOCK_GUARD_0(rcu, rcu_read_lock(), rcu_read_unlock())
#endif
