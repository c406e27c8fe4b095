/*
 * spinlab's model of kernel/locking/spinlock_debug.c (CONFIG_DEBUG_SPINLOCK): every lock
 * carries a magic number, its owner task and owner CPU; taking a lock you already own, or
 * releasing one you do not, is reported in the kernel's format and the operation goes on.
 * Only the first report of the boot is printed: spin_bug() returns unless debug_locks_off()
 * turned lock debugging off just now.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/printk.h>
#include <linux/debug_locks.h>
#include <asm/spinlock.h>

#define SPINLOCK_OWNER_INIT ((void *)-1L)

/* Record the report as a finding of the run (intrinsics). */

extern int oops_in_progress;

void __raw_spin_lock_init(raw_spinlock_t *lock, const char *name, struct lock_class_key *key, int inner)
{
    /* not a held lock initialised again (lockdep's observer: no step) */
    debug_check_no_locks_freed((void *)lock, sizeof(*lock));
    lockdep_init_map_wait(&lock->dep_map, name, key, 0, inner);
    lock->raw_lock.slock = 0;
    lock->magic = SPINLOCK_MAGIC;
    lock->owner = SPINLOCK_OWNER_INIT;
    lock->owner_cpu = -1;
}

static void spin_dump(raw_spinlock_t *lock, const char *msg)
{
    struct task_struct *owner = NULL;
    if (lock->owner && lock->owner != SPINLOCK_OWNER_INIT)
        owner = lock->owner;
    printk(KERN_EMERG "BUG: spinlock %s on CPU#%d, %s/%d\n", msg, raw_smp_processor_id(),
           current->comm, current->pid);
    printk(KERN_EMERG " lock: %pS, .magic: %08x, .owner: %s/%d, .owner_cpu: %d\n",
           lock, lock->magic, owner ? owner->comm : "<none>", owner ? owner->pid : -1, (int)lock->owner_cpu);
    dump_stack();
}

/* kind: the finding's name (FindingKind), which the kernel has no need of: it prints msg */
static void spin_bug(raw_spinlock_t *lock, const char *msg, const char *kind)
{
    char head[96];
    if (!debug_locks_off())
        return;
    spin_dump(lock, msg);
    snprintf(head, sizeof(head), "BUG: spinlock %s on CPU#%d, %s/%d", msg, raw_smp_processor_id(),
             current->comm, current->pid);
    __spinlab_finding(kind, head, SPINLAB_FINDING_HERE);
}

#define SPIN_BUG_ON(cond, lock, msg, kind) do { if (unlikely(cond)) spin_bug(lock, msg, kind); } while (0)

static void debug_spin_lock_before(raw_spinlock_t *lock)
{
    SPIN_BUG_ON(lock->magic != SPINLOCK_MAGIC, lock, "bad magic", "spinlock-bad-magic");
    SPIN_BUG_ON(lock->owner == current, lock, "recursion", "spinlock-recursion");
    SPIN_BUG_ON(lock->owner_cpu == raw_smp_processor_id(), lock, "cpu recursion", "spinlock-recursion");
}

static void debug_spin_lock_after(raw_spinlock_t *lock)
{
    lock->owner_cpu = raw_smp_processor_id();
    lock->owner = current;
}

static void debug_spin_unlock(raw_spinlock_t *lock)
{
    SPIN_BUG_ON(lock->magic != SPINLOCK_MAGIC, lock, "bad magic", "spinlock-bad-magic");
    SPIN_BUG_ON(!arch_spin_is_locked(&lock->raw_lock), lock, "already unlocked", "spinlock-bad-unlock");
    SPIN_BUG_ON(lock->owner != current, lock, "wrong owner", "spinlock-wrong-owner");
    SPIN_BUG_ON(lock->owner_cpu != raw_smp_processor_id(), lock, "wrong CPU", "spinlock-wrong-owner");
    lock->owner = SPINLOCK_OWNER_INIT;
    lock->owner_cpu = -1;
}

void do_raw_spin_lock(raw_spinlock_t *lock)
{
    debug_spin_lock_before(lock);
    arch_spin_lock(&lock->raw_lock);
    debug_spin_lock_after(lock);
}

int do_raw_spin_trylock(raw_spinlock_t *lock)
{
    int ret = arch_spin_trylock(&lock->raw_lock);
    if (ret)
        debug_spin_lock_after(lock);
    return ret;
}

void do_raw_spin_unlock(raw_spinlock_t *lock)
{
    debug_spin_unlock(lock);
    arch_spin_unlock(&lock->raw_lock);
}

int raw_spin_is_locked(raw_spinlock_t *lock)
{
    return arch_spin_is_locked(&lock->raw_lock);
}

/* ---- rwlocks (CONFIG_DEBUG_SPINLOCK): only the writer is tracked, readers are anonymous ---- */

void __rwlock_init(rwlock_t *lock, const char *name, struct lock_class_key *key)
{
    debug_check_no_locks_freed((void *)lock, sizeof(*lock));
    lockdep_init_map_wait(&lock->dep_map, name, key, 0, LD_WAIT_CONFIG);
    lock->raw_lock.lock = 0;
    lock->magic = RWLOCK_MAGIC;
    lock->owner = SPINLOCK_OWNER_INIT;
    lock->owner_cpu = -1;
}

/* As spin_bug: debug_locks_off() first, so one lock-debugging report is all the kernel prints. */
static void rwlock_bug(rwlock_t *lock, const char *msg, const char *kind)
{
    char head[96];
    if (!debug_locks_off())
        return;
    snprintf(head, sizeof(head), "BUG: rwlock %s on CPU#%d, %s/%d", msg, raw_smp_processor_id(),
             current->comm, current->pid);
    printk(KERN_EMERG "%s, %pS\n", head, lock);
    dump_stack();
    __spinlab_finding(kind, head, SPINLAB_FINDING_HERE);
}

#define RWLOCK_BUG_ON(cond, lock, msg, kind) do { if (unlikely(cond)) rwlock_bug(lock, msg, kind); } while (0)

void do_raw_read_lock(rwlock_t *lock)
{
    RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", "rwlock-bad-magic");
    arch_read_lock(&lock->raw_lock);
}

int do_raw_read_trylock(rwlock_t *lock)
{
    return arch_read_trylock(&lock->raw_lock);
}

void do_raw_read_unlock(rwlock_t *lock)
{
    RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", "rwlock-bad-magic");
    arch_read_unlock(&lock->raw_lock);
}

static void debug_write_lock_before(rwlock_t *lock)
{
    RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", "rwlock-bad-magic");
    RWLOCK_BUG_ON(lock->owner == current, lock, "recursion", "rwlock-recursion");
    RWLOCK_BUG_ON(lock->owner_cpu == raw_smp_processor_id(), lock, "cpu recursion", "rwlock-recursion");
}

static void debug_write_lock_after(rwlock_t *lock)
{
    lock->owner_cpu = raw_smp_processor_id();
    lock->owner = current;
}

static void debug_write_unlock(rwlock_t *lock)
{
    RWLOCK_BUG_ON(lock->magic != RWLOCK_MAGIC, lock, "bad magic", "rwlock-bad-magic");
    RWLOCK_BUG_ON(lock->owner != current, lock, "wrong owner", "rwlock-wrong-owner");
    RWLOCK_BUG_ON(lock->owner_cpu != raw_smp_processor_id(), lock, "wrong CPU", "rwlock-wrong-owner");
    lock->owner = SPINLOCK_OWNER_INIT;
    lock->owner_cpu = -1;
}

void do_raw_write_lock(rwlock_t *lock)
{
    debug_write_lock_before(lock);
    arch_write_lock(&lock->raw_lock);
    debug_write_lock_after(lock);
}

int do_raw_write_trylock(rwlock_t *lock)
{
    int ret = arch_write_trylock(&lock->raw_lock);
    if (ret)
        debug_write_lock_after(lock);
    return ret;
}

void do_raw_write_unlock(rwlock_t *lock)
{
    debug_write_unlock(lock);
    arch_write_unlock(&lock->raw_lock);
}
