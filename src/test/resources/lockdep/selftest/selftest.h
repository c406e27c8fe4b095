/*
 * Shared by the lockdep self-tests (in the spirit of the kernel's lib/locking-selftest.c):
 * each NAME.c is a module whose init runs one scenario in the init task, sequentially, on
 * one CPU; nothing really deadlocks, lockdep must predict it. NAME.expected holds the
 * lockdep finding kind the scenario must produce, or "clean".
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/rtmutex.h>
#include <linux/local_lock.h>
#include <linux/percpu.h>
#include <linux/seqlock.h>
#include <linux/ww_mutex.h>
#include <linux/sched/mm.h>
#include <linux/percpu-rwsem.h>
#include <linux/rcupdate.h>

#define SINGLE_DEPTH_NESTING 1

/* A, B, C, D: four classes; X1 and X2 share one class (one init call site), as Y1/Y2. */
static spinlock_t lock_A, lock_B, lock_C, lock_D;
static spinlock_t lock_X1, lock_X2, lock_Y1, lock_Y2;

/* The same for rwlocks (X, Y, Z shared classes) and mutexes (X shared). */
static rwlock_t rwlock_A, rwlock_B, rwlock_C, rwlock_D;
static rwlock_t rwlock_X1, rwlock_X2, rwlock_Y1, rwlock_Y2, rwlock_Z1, rwlock_Z2;
static struct mutex mutex_A, mutex_B, mutex_C, mutex_D, mutex_X1, mutex_X2;
/* raw spinlocks (LD_WAIT_SPIN), for the wait-context cases */
static raw_spinlock_t raw_A, raw_B;
/* rw_semaphores (X shared class) and a per-CPU local lock */
static struct rw_semaphore rwsem_A, rwsem_B, rwsem_X1, rwsem_X2;
static DEFINE_PER_CPU(local_lock_t, llock_A);
static void init_rsclass_X(struct rw_semaphore *sem) { init_rwsem(sem); }
/* rt_mutexes: rt_mutex_init() names a class after the calling function, as upstream */
static struct rt_mutex rtmutex_A, rtmutex_B, rtmutex_X1, rtmutex_X2;
static void init_rtclass_X(struct rt_mutex *lock) { rt_mutex_init(lock); }
/* a seqlock and a plain sequence counter */
static seqlock_t seqlock_A, seqlock_X1, seqlock_X2;
static void init_seqclass_X(seqlock_t *sl) { seqlock_init(sl); }
static seqcount_t seqcount_A;
/* ww_mutexes: wc_* of a wait-die class, ww_* of a wound-wait class; acquire contexts ctx_* */
static DEFINE_WD_CLASS(wd_class);
static DEFINE_WW_CLASS(wound_class);
static struct ww_mutex wc_A, wc_B, wc_C, ww_A;
static struct ww_acquire_ctx ctx_1, ctx_2;
/* percpu_rw_semaphores: A static (its own class), B initialised at run time (the call site's) */
DEFINE_STATIC_PERCPU_RWSEM(pcpu_rwsem_A);
static struct percpu_rw_semaphore pcpu_rwsem_B, pcpu_rwsem_X1, pcpu_rwsem_X2;
static void init_pcpuclass_X(struct percpu_rw_semaphore *sem) { WARN_ON(percpu_init_rwsem(sem)); }

static void init_class_X(spinlock_t *lock) { spin_lock_init(lock); }
static void init_class_Y(spinlock_t *lock) { spin_lock_init(lock); }
static void init_rwclass_X(rwlock_t *lock) { rwlock_init(lock); }
static void init_rwclass_Y(rwlock_t *lock) { rwlock_init(lock); }
static void init_rwclass_Z(rwlock_t *lock) { rwlock_init(lock); }
static void init_mclass_X(struct mutex *lock) { mutex_init(lock); }

static void init_locks(void)
{
    spin_lock_init(&lock_A);
    spin_lock_init(&lock_B);
    spin_lock_init(&lock_C);
    spin_lock_init(&lock_D);
    init_class_X(&lock_X1);
    init_class_X(&lock_X2);
    init_class_Y(&lock_Y1);
    init_class_Y(&lock_Y2);
    rwlock_init(&rwlock_A);
    rwlock_init(&rwlock_B);
    rwlock_init(&rwlock_C);
    rwlock_init(&rwlock_D);
    init_rwclass_X(&rwlock_X1);
    init_rwclass_X(&rwlock_X2);
    init_rwclass_Y(&rwlock_Y1);
    init_rwclass_Y(&rwlock_Y2);
    init_rwclass_Z(&rwlock_Z1);
    init_rwclass_Z(&rwlock_Z2);
    mutex_init(&mutex_A);
    mutex_init(&mutex_B);
    mutex_init(&mutex_C);
    mutex_init(&mutex_D);
    init_mclass_X(&mutex_X1);
    init_mclass_X(&mutex_X2);
    raw_spin_lock_init(&raw_A);
    raw_spin_lock_init(&raw_B);
    init_rwsem(&rwsem_A);
    init_rwsem(&rwsem_B);
    init_rsclass_X(&rwsem_X1);
    init_rsclass_X(&rwsem_X2);
    rt_mutex_init(&rtmutex_A);
    rt_mutex_init(&rtmutex_B);
    init_rtclass_X(&rtmutex_X1);
    init_rtclass_X(&rtmutex_X2);
    seqlock_init(&seqlock_A);
    init_seqclass_X(&seqlock_X1);
    init_seqclass_X(&seqlock_X2);
    seqcount_init(&seqcount_A);
    ww_mutex_init(&wc_A, &wd_class);
    ww_mutex_init(&wc_B, &wd_class);
    ww_mutex_init(&wc_C, &wd_class);
    ww_mutex_init(&ww_A, &wound_class);
    for (int cpu = 0; cpu < NR_CPUS; cpu++)
        local_lock_init(per_cpu_ptr(&llock_A, cpu));
    WARN_ON(percpu_init_rwsem(&pcpu_rwsem_B));
    init_pcpuclass_X(&pcpu_rwsem_X1);
    init_pcpuclass_X(&pcpu_rwsem_X2);
}

#define L(x) spin_lock(&lock_##x)
#define U(x) spin_unlock(&lock_##x)
#define LU2(x, y) do { L(x); L(y); U(y); U(x); } while (0)
/* rwlocks: read (recursive reader) and write; mutexes */
#define RL(x) read_lock(&rwlock_##x)
#define RU(x) read_unlock(&rwlock_##x)
#define WL(x) write_lock(&rwlock_##x)
#define WU(x) write_unlock(&rwlock_##x)
#define ML(x) mutex_lock(&mutex_##x)
#define MU(x) mutex_unlock(&mutex_##x)
#define RSL(x) down_read(&rwsem_##x)
#define RSU(x) up_read(&rwsem_##x)
#define WSL(x) down_write(&rwsem_##x)
#define WSU(x) up_write(&rwsem_##x)
#define RTL(x) rt_mutex_lock(&rtmutex_##x)
#define RTU(x) rt_mutex_unlock(&rtmutex_##x)
#define PRL(x) percpu_down_read(&pcpu_rwsem_##x)
#define PRU(x) percpu_up_read(&pcpu_rwsem_##x)
#define PWL(x) percpu_down_write(&pcpu_rwsem_##x)
#define PWU(x) percpu_up_write(&pcpu_rwsem_##x)
#define RAWL(x) raw_spin_lock(&raw_##x)
#define RAWU(x) raw_spin_unlock(&raw_##x)
/* ww_mutex shortcuts: lock wc_x under ctx_1, unlock; begin/end the acquire phase of ctx_1 */
#define WCL(x) ww_mutex_lock(&wc_##x, &ctx_1)
#define WCU(x) ww_mutex_unlock(&wc_##x)
#define CTX_BEGIN() ww_acquire_init(&ctx_1, &wd_class)
#define CTX_END() ww_acquire_fini(&ctx_1)
/*
 * Makes wc_x look held by another task's context ctx_2 with the given stamp (ctx_1's stamp +
 * delta): the base mutex is really locked (by us, so nothing blocks), but lockdep is told it
 * was released and the ww_mutex carries ctx_2, which is all the wound/die decisions read.
 */
#define HELD_BY_OTHER_CTX(x, delta) do { \
        mutex_lock(&wc_##x.base); \
        mutex_release(&wc_##x.base.dep_map, _THIS_IP_); \
        ctx_2 = ctx_1; \
        ctx_2.stamp = ctx_1.stamp + (delta); \
        wc_##x.ctx = &ctx_2; \
    } while (0)
/* ...and hands it back: lockdep hears a trylock again so that the plain unlock balances */
#define OTHER_CTX_RELEASES(x) do { \
        wc_##x.ctx = NULL; \
        mutex_acquire(&wc_##x.base.dep_map, 0, 1, _THIS_IP_); \
        mutex_unlock(&wc_##x.base); \
    } while (0)

/*
 * Interrupt contexts as locking-selftest simulates them (no handler really runs): a hardirq
 * that force_irqthreads would thread (lockdep_hardirq_threaded), so spinlock_t is allowed in
 * it by the wait-context check, as for an ordinary device interrupt; RAW_HARDIRQ_ENTER() is
 * one that would not be (IRQF_NO_THREAD, the tick).
 */
#define RAW_HARDIRQ_ENTER() \
    do { local_irq_disable(); __preempt_count_add(HARDIRQ_OFFSET); lockdep_hardirq_enter(); } while (0)
#define HARDIRQ_ENTER() do { RAW_HARDIRQ_ENTER(); lockdep_hardirq_threaded(); } while (0)
#define HARDIRQ_EXIT() \
    do { __preempt_count_sub(HARDIRQ_OFFSET); lockdep_hardirq_exit(); local_irq_enable(); } while (0)
#define SOFTIRQ_ENTER() do { local_bh_disable(); local_irq_disable(); __preempt_count_add(SOFTIRQ_OFFSET); } while (0)
#define SOFTIRQ_EXIT() do { __preempt_count_sub(SOFTIRQ_OFFSET); local_irq_enable(); local_bh_enable(); } while (0)
#define HARDIRQ_DISABLE() local_irq_disable()
#define HARDIRQ_ENABLE() local_irq_enable()
#define SOFTIRQ_DISABLE() local_bh_disable()
#define SOFTIRQ_ENABLE() local_bh_enable()

static void scenario(void);

static int selftest_init(void)
{
    init_locks();
    scenario();
    printk("selftest done\n");
    return 0;
}

MODULE_LICENSE("GPL");
/* each test file ends with module_init(selftest_init), so `spinlab run NAME.c` sees a module */
