/*
 * spinlab's model of kernel/locking/percpu-rwsem.c (Linux 6.6), with the reader side that
 * upstream has inline in <linux/percpu-rwsem.h> (percpu_down_read, _trylock, percpu_up_read)
 * here as functions, called from the same place, so _RET_IP_ names the same caller.
 *
 * Readers: with preemption disabled, if no writer has entered (`rss` is zero) the reader
 * counts itself in on this CPU's counter and is done. Otherwise the slow path: count in, and
 * if `block` is set (a writer holds or takes the semaphore) count out again, prod the writer
 * and sleep on `waiters` until a try succeeds. Leaving: count out on this CPU; in the slow
 * mode also wake the waiting writer, which re-sums the counters.
 *
 * Writer: lockdep first (after might_sleep()); enter `rss` (readers go slow) and wait a grace
 * period, so that every reader which saw `rss` zero has finished its fast path and is in the
 * counters; set `block` (writer-writer exclusion, new readers wait) or sleep on `waiters`
 * until it can; then sleep until the per-CPU read counts sum to zero. percpu_up_write()
 * clears `block`, wakes the waiters and leaves `rss`.
 *
 * Simplified: `rss` is a count, not an rcu_sync state machine (every writer waits one grace
 * period on entry, and readers go fast again as soon as the last writer leaves; see
 * <linux/percpu-rwsem.h>); the waiters are woken all at once and each retries (upstream's
 * wake function takes the semaphore for the woken task, readers up to the first writer).
 */
#include <linux/kernel.h>
#include <linux/percpu-rwsem.h>
#include <linux/atomic.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/lockdep.h>
#include <linux/errno.h>

int __percpu_init_rwsem(struct percpu_rw_semaphore *sem, const char *name, struct lock_class_key *key)
{
    /* upstream: alloc_percpu(int); the model's per-CPU memory is an array of NR_CPUS */
    sem->read_count = kcalloc(NR_CPUS, sizeof(unsigned int), GFP_KERNEL);
    if (unlikely(!sem->read_count))
        return -ENOMEM;

    atomic_set(&sem->rss, 0);
    sem->writer = NULL;
    init_waitqueue_head(&sem->waiters);
    atomic_set(&sem->block, 0);
    /* not a held semaphore initialised again (lockdep's observer: no step) */
    debug_check_no_locks_freed((void *)sem, sizeof(*sem));
    lockdep_init_map(&sem->dep_map, name, key, 0);
    return 0;
}

void percpu_free_rwsem(struct percpu_rw_semaphore *sem)
{
    /* safe after a zeroed allocation that was never initialised, as upstream */
    if (!sem->read_count)
        return;

    kfree(sem->read_count);
    sem->read_count = NULL; /* catch use after free bugs */
}

static bool rcu_sync_is_idle(struct percpu_rw_semaphore *sem)
{
    return !atomic_read(&sem->rss);
}

/* rcuwait_wake_up(): the writer waiting for the readers, if any, re-checks the counters */
static void percpu_rwsem_wake_writer(struct percpu_rw_semaphore *sem)
{
    struct task_struct *writer = READ_ONCE(sem->writer);

    if (writer)
        wake_up_process(writer);
}

/* Called with preemption disabled: count in unless a writer blocks readers. */
static bool __percpu_down_read_trylock(struct percpu_rw_semaphore *sem)
{
    this_cpu_inc(sem->read_count);
    if (likely(!atomic_read(&sem->block)))
        return true;

    this_cpu_dec(sem->read_count);
    /* the writer may be summing the counters: let it look again */
    percpu_rwsem_wake_writer(sem);
    return false;
}

static bool __percpu_down_write_trylock(struct percpu_rw_semaphore *sem)
{
    if (atomic_read(&sem->block))
        return false;
    return atomic_xchg(&sem->block, 1) == 0;
}

static bool __percpu_rwsem_trylock(struct percpu_rw_semaphore *sem, bool reader)
{
    bool ret;

    if (!reader)
        return __percpu_down_write_trylock(sem);
    preempt_disable();
    ret = __percpu_down_read_trylock(sem);
    preempt_enable();
    return ret;
}

/* percpu_rwsem_wait(): sleep uninterruptibly until this task's try succeeds */
static void percpu_rwsem_wait(struct percpu_rw_semaphore *sem, bool reader)
{
    wait_event(sem->waiters, __percpu_rwsem_trylock(sem, reader));
}

/* The reader's slow path, entered and left with preemption disabled (it enables it to sleep). */
static bool __percpu_down_read(struct percpu_rw_semaphore *sem, bool try)
{
    if (__percpu_down_read_trylock(sem))
        return true;

    if (try)
        return false;

    preempt_enable();
    percpu_rwsem_wait(sem, true);
    preempt_disable();
    return true;
}

void percpu_down_read(struct percpu_rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire_read(&sem->dep_map, 0, 0, _RET_IP_);

    preempt_disable();
    if (likely(rcu_sync_is_idle(sem)))
        this_cpu_inc(sem->read_count);
    else
        __percpu_down_read(sem, false);
    preempt_enable();
}

bool percpu_down_read_trylock(struct percpu_rw_semaphore *sem)
{
    bool ret = true;

    preempt_disable();
    if (likely(rcu_sync_is_idle(sem)))
        this_cpu_inc(sem->read_count);
    else
        ret = __percpu_down_read(sem, true);
    preempt_enable();

    if (ret)
        rwsem_acquire_read(&sem->dep_map, 0, 1, _RET_IP_);
    return ret;
}

void percpu_up_read(struct percpu_rw_semaphore *sem)
{
    rwsem_release(&sem->dep_map, _RET_IP_);

    preempt_disable();
    if (likely(rcu_sync_is_idle(sem))) {
        this_cpu_dec(sem->read_count);
    } else {
        /* slow mode: a writer may be waiting for this reader to leave */
        this_cpu_dec(sem->read_count);
        percpu_rwsem_wake_writer(sem);
    }
    preempt_enable();
}

/* per_cpu_sum() of the read counters is zero: no reader is inside */
static bool readers_active_check(struct percpu_rw_semaphore *sem)
{
    unsigned int sum = 0;
    int cpu;

    for_each_possible_cpu(cpu)
        sum += READ_ONCE(sem->read_count[cpu]);
    return sum == 0;
}

void percpu_down_write(struct percpu_rw_semaphore *sem)
{
    might_sleep();
    rwsem_acquire(&sem->dep_map, 0, 0, _RET_IP_);

    /* rcu_sync_enter(): readers take the slow path; those on the fast path finish first */
    atomic_inc(&sem->rss);
    synchronize_rcu();

    /* writer-writer exclusion; new readers block from here */
    if (!__percpu_down_write_trylock(sem))
        percpu_rwsem_wait(sem, false);

    /* rcuwait_wait_event(): wait for the active readers to leave */
    WRITE_ONCE(sem->writer, current);
    for (;;) {
        set_current_state(TASK_UNINTERRUPTIBLE);
        if (readers_active_check(sem))
            break;
        schedule();
    }
    __set_current_state(TASK_RUNNING);
    WRITE_ONCE(sem->writer, NULL);
}

void percpu_up_write(struct percpu_rw_semaphore *sem)
{
    rwsem_release(&sem->dep_map, _RET_IP_);

    /* the writer is done; readers still take the slow path until rss drops */
    atomic_set(&sem->block, 0);
    wake_up_all(&sem->waiters);

    /* rcu_sync_exit() */
    atomic_dec(&sem->rss);
}
