/*
 * spinlab's model of <linux/seqlock.h>: sequence counters and sequential locks. A writer
 * makes the count odd while it writes (smp_wmb() after and before the increments); a reader
 * waits for an even count, reads, and retries when the count moved (smp_rmb() between).
 * Lockdep annotations of seqcounts are not modelled (seqcount_LOCKNAME_t are plain
 * seqcount_t with the lock remembered for nothing). Under `spinlab check` a seqlock reader's
 * reads race with the writer's writes by design: the data-race monitor reports them (KCSAN
 * knows seqlocks; the model's monitor does not).
 */
#ifndef _SPINLAB_LINUX_SEQLOCK_H
#define _SPINLAB_LINUX_SEQLOCK_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/spinlock.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <asm/processor.h>

typedef struct seqcount {
    unsigned sequence;
} seqcount_t;

#define SEQCNT_ZERO(name) { .sequence = 0 }
#define seqcount_init(s) do { (s)->sequence = 0; } while (0)
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

static inline unsigned read_seqcount_begin(const seqcount_t *s)
{
    unsigned seq = __read_seqcount_begin(s);

    smp_rmb();
    return seq;
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

/* the kernel warns (with lockdep) when preemption is on for a plain seqcount_t writer */
#define write_seqcount_begin(s) raw_write_seqcount_begin(s)
#define write_seqcount_end(s) raw_write_seqcount_end(s)
#define raw_read_seqcount_begin(s) read_seqcount_begin(s)
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

#define write_seqlock(sl) do { spin_lock(&(sl)->lock); raw_write_seqcount_begin(&(sl)->seqcount); } while (0)
#define write_sequnlock(sl) do { raw_write_seqcount_end(&(sl)->seqcount); spin_unlock(&(sl)->lock); } while (0)
#define write_seqlock_bh(sl) do { spin_lock_bh(&(sl)->lock); raw_write_seqcount_begin(&(sl)->seqcount); } while (0)
#define write_sequnlock_bh(sl) do { raw_write_seqcount_end(&(sl)->seqcount); spin_unlock_bh(&(sl)->lock); } while (0)
#define write_seqlock_irq(sl) do { spin_lock_irq(&(sl)->lock); raw_write_seqcount_begin(&(sl)->seqcount); } while (0)
#define write_sequnlock_irq(sl) do { raw_write_seqcount_end(&(sl)->seqcount); spin_unlock_irq(&(sl)->lock); } while (0)
#define write_seqlock_irqsave(sl, flags) \
    do { spin_lock_irqsave(&(sl)->lock, flags); raw_write_seqcount_begin(&(sl)->seqcount); } while (0)
#define write_sequnlock_irqrestore(sl, flags) \
    do { raw_write_seqcount_end(&(sl)->seqcount); spin_unlock_irqrestore(&(sl)->lock, flags); } while (0)

/* a reader that locks out the writers (and the other locking readers), leaving the count alone */
#define read_seqlock_excl(sl) spin_lock(&(sl)->lock)
#define read_sequnlock_excl(sl) spin_unlock(&(sl)->lock)
#define read_seqlock_excl_bh(sl) spin_lock_bh(&(sl)->lock)
#define read_sequnlock_excl_bh(sl) spin_unlock_bh(&(sl)->lock)
#define read_seqlock_excl_irqsave(sl, flags) spin_lock_irqsave(&(sl)->lock, flags)
#define read_sequnlock_excl_irqrestore(sl, flags) spin_unlock_irqrestore(&(sl)->lock, flags)

#endif
