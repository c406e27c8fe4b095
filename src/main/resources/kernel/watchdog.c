/*
 * spinlab's model of kernel/watchdog.c: the soft-lockup detector. Every sample period (4 s)
 * the tick wakes the CPU's stopper task, which stamps the time; when a CPU has not stamped for
 * longer than the threshold (2 * watchdog_thresh = 20 s) — because it spins with preemption
 * disabled and cannot schedule — the tick reports a soft lockup with the stuck task's stack.
 */
#define pr_fmt(fmt) "watchdog: " fmt
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/printk.h>

int watchdog_thresh = 10;
static unsigned long watchdog_touch_ts[NR_CPUS];
static unsigned long watchdog_report_ts[NR_CPUS];
static unsigned long watchdog_next_kick[NR_CPUS];
struct task_struct *watchdog_task[NR_CPUS];

void __spinlab_soft_lockup(int cpu);
/* show_regs() of the interrupted context: the stuck task's stack, not the timer's. */
void __spinlab_show_regs(void);

static unsigned long get_timestamp(void)
{
    return local_clock() / NSEC_PER_SEC;
}

static unsigned long get_softlockup_thresh(void)
{
    return watchdog_thresh * 2;
}

static void update_touch_ts(void)
{
    int cpu = smp_processor_id();
    watchdog_touch_ts[cpu] = get_timestamp();
    watchdog_report_ts[cpu] = watchdog_touch_ts[cpu];
}

/* The stopper ("migration/N"): the highest-priority task, woken by the watchdog tick. */
int cpu_stopper_thread(void *data)
{
    while (1) {
        set_current_state(TASK_INTERRUPTIBLE);
        update_touch_ts();
        schedule();
    }
    return 0;
}

void watchdog_tick(void)
{
    int cpu = smp_processor_id();
    unsigned long now = get_timestamp();
    unsigned long sample = get_softlockup_thresh() * NSEC_PER_SEC / 5;
    unsigned long thresh = get_softlockup_thresh();

    if (local_clock() >= watchdog_next_kick[cpu]) {
        watchdog_next_kick[cpu] = local_clock() + sample;
        if (watchdog_task[cpu])
            wake_up_process(watchdog_task[cpu]);
    }
    if (time_after(now, watchdog_report_ts[cpu] + thresh)) {
        unsigned long duration = now - watchdog_touch_ts[cpu];
        watchdog_report_ts[cpu] = now;
        pr_emerg("BUG: soft lockup - CPU#%d stuck for %lus! [%s:%d]\n", cpu, duration, current->comm, current->pid);
        __spinlab_show_regs();
        __spinlab_soft_lockup(cpu);
    }
}
