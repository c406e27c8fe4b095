/*
 * rwlock_t: two readers hold the lock at the same time; a writer excludes readers; a reader
 * may take the read lock again while a writer waits (ARM rwlocks prefer no one).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/spinlock.h>
#include <linux/completion.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */
#include <linux/delay.h>
#include <linux/atomic.h>

static DEFINE_RWLOCK(rw);
static DECLARE_COMPLETION(finished);
static atomic_t inside = ATOMIC_INIT(0);
static atomic_t both_seen = ATOMIC_INIT(0);
static int writer_in;
static atomic_t violations = ATOMIC_INIT(0);
static int writer_trying;
static int reader_holds;

#define SPIN_LIMIT 20000

/* Phase 1: both readers must be inside together (with an exclusive lock one would time out). */
static atomic_t started = ATOMIC_INIT(0);

static int reader(void *unused)
{
    int i;
    /* meet outside the lock first, so both are running when they take it */
    atomic_inc(&started);
    while (atomic_read(&started) < 2)
        cond_resched();
    /* then meet again with preemption off: from here on neither can be switched out */
    preempt_disable();
    atomic_inc(&started);
    for (i = 0; i < 10 * SPIN_LIMIT && atomic_read(&started) < 4; i++)
        cpu_relax();
    read_lock(&rw);
    atomic_inc(&inside);
    for (i = 0; i < SPIN_LIMIT && atomic_read(&inside) < 2; i++)
        cpu_relax();
    if (atomic_read(&inside) == 2)
        atomic_inc(&both_seen);
    read_unlock(&rw);
    preempt_enable();
    complete(&finished);
    return 0;
}

/* Phase 2: a writer and a reader loop; neither may see the other inside. */
static int writer_loop(void *unused)
{
    int i;
    for (i = 0; i < 30; i++) {
        write_lock(&rw);
        writer_in = 1;
        if (atomic_read(&inside) != 0)
            atomic_inc(&violations);
        udelay(20);
        writer_in = 0;
        write_unlock(&rw);
        udelay(5);
    }
    complete(&finished);
    return 0;
}

static int reader_loop(void *unused)
{
    int i;
    for (i = 0; i < 30; i++) {
        read_lock(&rw);
        atomic_inc(&inside);
        if (writer_in)
            atomic_inc(&violations);
        udelay(20);
        atomic_dec(&inside);
        read_unlock(&rw);
        udelay(5);
    }
    complete(&finished);
    return 0;
}

/* Phase 3: a recursive read lock while a writer spins for the lock. */
static int waiting_writer(void *unused)
{
    int i;
    for (i = 0; i < SPIN_LIMIT && !reader_holds; i++)
        cpu_relax();
    writer_trying = 1;
    write_lock(&rw);
    printk("writer got the lock after the reader left\n");
    write_unlock(&rw);
    complete(&finished);
    return 0;
}

static int rw_init(void)
{
    unsigned long flags;
    int i, t1, t2;

    kthread_run(reader, NULL, "reader1");
    kthread_run(reader, NULL, "reader2");
    wait_for_completion(&finished);
    wait_for_completion(&finished);
    printk("readers shared the lock: %d of 2\n", atomic_read(&both_seen));

    atomic_set(&inside, 0);
    kthread_run(writer_loop, NULL, "writer");
    kthread_run(reader_loop, NULL, "readerloop");
    wait_for_completion(&finished);
    wait_for_completion(&finished);
    printk("exclusion violations: %d\n", atomic_read(&violations));

    write_lock_irqsave(&rw, flags);
    t1 = read_trylock(&rw);
    t2 = write_trylock(&rw);
    printk("write held: read_trylock=%d write_trylock=%d\n", t1, t2);
    write_unlock_irqrestore(&rw, flags);
    read_lock_bh(&rw);
    t1 = write_trylock(&rw);
    t2 = read_trylock(&rw);
    printk("read held: write_trylock=%d read_trylock=%d\n", t1, t2);
    read_unlock(&rw);
    read_unlock_bh(&rw);

    kthread_run(waiting_writer, NULL, "waitwriter");
    read_lock(&rw);
    reader_holds = 1;
    for (i = 0; i < SPIN_LIMIT && !writer_trying; i++)
        cpu_relax();
    udelay(50);
    read_lock(&rw);
    printk("recursive read_lock taken while a writer waits (writer_trying=%d)\n", writer_trying);
    read_unlock(&rw);
    read_unlock(&rw);
    wait_for_completion(&finished);
    return 0;
}
module_init(rw_init);
