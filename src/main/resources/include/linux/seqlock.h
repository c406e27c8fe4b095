/*
 * spinlab's model of <linux/seqlock.h>: sequence counters and sequential locks. A writer
 * makes the count odd while it writes (smp_wmb() after and before the increments); a reader
 * waits for an even count, reads, and retries when the count moved (smp_rmb() between).
 * Lockdep, as upstream (CONFIG_DEBUG_LOCK_ALLOC): a seqcount has a lockdep map (class: the
 * seqcount_init() call site, or the variable for SEQCNT_ZERO/DEFINE_SEQLOCK; no wait type);
 * write_seqcount_begin/end and write_seqlock*() acquire and release it as a writer,
 * read_seqcount_begin() and read_seqbegin() as a recursive reader for an instant with
 * interrupts off (seqcount_lockdep_reader_access), so a reader in an irq handler against a
 * writer with that irq enabled is lockdep's inconsistent lock state (the writer would spin
 * forever under its own interrupt); raw_* accessors are not annotated. A plain seqcount_t
 * writer asserts preemption off (lockdep_assert_preemption_disabled). Simplified:
 * seqcount_LOCKNAME_t are plain seqcount_t (the associated lock is not remembered, so not
 * asserted held). Under `spinlab check` a seqlock reader's reads race with the writer's
 * writes by design: the data-race monitor reports them (KCSAN knows seqlocks; the model's
 * monitor does not).
 */
#ifndef _SPINLAB_LINUX_SEQLOCK_H
#define _SPINLAB_LINUX_SEQLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/lockdep.h>
#include <linux/irqflags.h>

typedef struct seqcount {
    unsigned sequence;
    struct lockdep_map dep_map;
} seqcount_t;

static inline void __seqcount_init(seqcount_t *s, const char *name, struct lock_class_key *key)
{
    lockdep_init_map(&s->dep_map, name, key, 0);
    s->sequence = 0;
}

#define SEQCNT_ZERO(name) { .sequence = 0, .dep_map = STATIC_LOCKDEP_MAP_INIT(#name, LD_WAIT_INV) }
#define seqcount_init(s) \
    do { static struct lock_class_key __key; __seqcount_init((s), #s, &__key); } while (0)

#define seqcount_acquire(l, s, t, i) lock_acquire((l), (s), (t), 0, 1, 0, (i))
#define seqcount_acquire_read(l, s, t, i) lock_acquire((l), (s), (t), 2, 1, 0, (i))
#define seqcount_release(l, i) lock_release((l), (i))

/* a reader's instant as a recursive reader, interrupts off (so a reader never nests in itself) */
static inline void seqcount_lockdep_reader_access(const seqcount_t *s)
{
    seqcount_t *l = (seqcount_t *)s;
    unsigned long flags;

    local_irq_save(flags);
    seqcount_acquire_read(&l->dep_map, 0, 0, _RET_IP_);
    seqcount_release(&l->dep_map, _RET_IP_);
    local_irq_restore(flags);
}
#define seqcount_spinlock_t seqcount_t
#define seqcount_raw_spinlock_t seqcount_t
#define seqcount_mutex_t seqcount_t
#define seqcount_rwlock_t seqcount_t
#define seqcount_spinlock_init(s, lock) seqcount_init(s)
#define seqcount_raw_spinlock_init(s, lock) seqcount_init(s)
#define seqcount_mutex_init(s, lock) seqcount_init(s)
#define seqcount_rwlock_init(s, lock) seqcount_init(s)
#define SEQCNT_SPINLOCK_ZERO(name, lock) SEQCNT_ZERO(name)
#define SEQCNT_MUTEX_ZERO(name, lock) SEQCNT_ZERO(name)

static inline unsigned __read_seqcount_begin(const seqcount_t *s)
{
    unsigned seq;

    while ((seq = READ_ONCE(s->sequence)) & 1)
        cpu_relax();
    return seq;
}

static inline unsigned raw_read_seqcount_begin(const seqcount_t *s)
{
    unsigned seq = __read_seqcount_begin(s);

    smp_rmb();
    return seq;
}

static inline unsigned read_seqcount_begin(const seqcount_t *s)
{
    seqcount_lockdep_reader_access(s);
    return raw_read_seqcount_begin(s);
}

static inline unsigned raw_read_seqcount(const seqcount_t *s)
{
    unsigned seq = READ_ONCE(s->sequence);

    smp_rmb();
    return seq;
}

static inline int __read_seqcount_retry(const seqcount_t *s, unsigned start)
{
    return READ_ONCE(s->sequence) != start;
}

static inline int read_seqcount_retry(const seqcount_t *s, unsigned start)
{
    smp_rmb();
    return __read_seqcount_retry(s, start);
}

static inline void raw_write_seqcount_begin(seqcount_t *s)
{
    s->sequence++;
    smp_wmb();
}

static inline void raw_write_seqcount_end(seqcount_t *s)
{
    smp_wmb();
    s->sequence++;
}

/* do_write_seqcount_begin_nested()/do_write_seqcount_end(): the writer's lockdep acquisition */
static inline void do_write_seqcount_begin_nested(seqcount_t *s, int subclass)
{
    seqcount_acquire(&s->dep_map, subclass, 0, _RET_IP_);
    raw_write_seqcount_begin(s);
}

static inline void do_write_seqcount_end(seqcount_t *s)
{
    seqcount_release(&s->dep_map, _RET_IP_);
    raw_write_seqcount_end(s);
}

/* a plain seqcount_t's writer must have preemption off (__seqprop_assert) */
#define write_seqcount_begin_nested(s, subclass) \
    do { lockdep_assert_preemption_disabled(); do_write_seqcount_begin_nested((s), (subclass)); } while (0)
#define write_seqcount_begin(s) write_seqcount_begin_nested((s), 0)
#define write_seqcount_end(s) do_write_seqcount_end(s)
#define raw_seqcount_begin(s) (raw_read_seqcount(s) & ~1u)
#define raw_read_seqcount_retry(s, start) read_seqcount_retry((s), (start))

typedef struct {
    seqcount_t seqcount;
    spinlock_t lock;
} seqlock_t;

#define __SEQLOCK_UNLOCKED(lockname) { .seqcount = SEQCNT_ZERO(lockname), .lock = __SPIN_LOCK_UNLOCKED(lockname) }
#define DEFINE_SEQLOCK(sl) seqlock_t sl = __SEQLOCK_UNLOCKED(sl)
#define seqlock_init(sl) do { seqcount_init(&(sl)->seqcount); spin_lock_init(&(sl)->lock); } while (0)

static inline unsigned read_seqbegin(const seqlock_t *sl)
{
    return read_seqcount_begin(&sl->seqcount);
}

static inline unsigned read_seqretry(const seqlock_t *sl, unsigned start)
{
    return read_seqcount_retry(&sl->seqcount, start);
}

#define write_seqlock(sl) do { spin_lock(&(sl)->lock); do_write_seqcount_begin_nested(&(sl)->seqcount, 0); } while (0)
#define write_sequnlock(sl) do { do_write_seqcount_end(&(sl)->seqcount); spin_unlock(&(sl)->lock); } while (0)
#define write_seqlock_bh(sl) do { spin_lock_bh(&(sl)->lock); do_write_seqcount_begin_nested(&(sl)->seqcount, 0); } while (0)
#define write_sequnlock_bh(sl) do { do_write_seqcount_end(&(sl)->seqcount); spin_unlock_bh(&(sl)->lock); } while (0)
#define write_seqlock_irq(sl) do { spin_lock_irq(&(sl)->lock); do_write_seqcount_begin_nested(&(sl)->seqcount, 0); } while (0)
#define write_sequnlock_irq(sl) do { do_write_seqcount_end(&(sl)->seqcount); spin_unlock_irq(&(sl)->lock); } while (0)
#define write_seqlock_irqsave(sl, flags) \
    do { spin_lock_irqsave(&(sl)->lock, flags); do_write_seqcount_begin_nested(&(sl)->seqcount, 0); } while (0)
#define write_sequnlock_irqrestore(sl, flags) \
    do { do_write_seqcount_end(&(sl)->seqcount); spin_unlock_irqrestore(&(sl)->lock, flags); } while (0)

/* a reader that locks out the writers (and the other locking readers), leaving the count alone */
#define read_seqlock_excl(sl) spin_lock(&(sl)->lock)
#define read_sequnlock_excl(sl) spin_unlock(&(sl)->lock)
#define read_seqlock_excl_bh(sl) spin_lock_bh(&(sl)->lock)
#define read_sequnlock_excl_bh(sl) spin_unlock_bh(&(sl)->lock)
#define read_seqlock_excl_irqsave(sl, flags) spin_lock_irqsave(&(sl)->lock, flags)
#define read_sequnlock_excl_irqrestore(sl, flags) spin_unlock_irqrestore(&(sl)->lock, flags)

#endif
