/*
 * spinlab's model of kernel/watchdog.c: the soft-lockup detector. Every sample period (4 s)
 * the tick wakes the CPU's stopper task, which stamps the time; when a CPU has not stamped for
 * longer than the threshold (2 * watchdog_thresh = 20 s) — because it spins with preemption
 * disabled and cannot schedule — the tick reports a soft lockup with the stuck task's stack.
 * The hard-lockup detector (watchdog_hardlockup_check) runs from a per-CPU NMI every
 * watchdog_thresh (10 s), taken even with irqs masked: when the tick has not run since the
 * previous NMI — the CPU spins with interrupts disabled — it reports a hard lockup.
 */
#define pr_fmt(fmt) "watchdog: " fmt
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/sched.h>
#include <linux/jiffies.h>
#include <linux/printk.h>

int watchdog_thresh = 10;
/* Cleared by the "nowatchdog" boot parameter (spinlab check boots with it): neither detector runs. */
int watchdog_user_enabled = 1;
static unsigned long watchdog_touch_ts[NR_CPUS];
static unsigned long watchdog_report_ts[NR_CPUS];
static unsigned long watchdog_next_kick[NR_CPUS];
struct task_struct *watchdog_task[NR_CPUS];
static unsigned long hrtimer_interrupts[NR_CPUS];
static unsigned long hrtimer_interrupts_saved[NR_CPUS];
static int watchdog_hardlockup_warned[NR_CPUS];
/* A hard lockup has been reported: the run stops there (as with hardlockup_panic). */
int watchdog_hardlockup_reported;

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
    unsigned long now, sample, thresh;

    if (!watchdog_user_enabled)
        return;
    now = get_timestamp();
    sample = get_softlockup_thresh() * NSEC_PER_SEC / 5;
    thresh = get_softlockup_thresh();
    hrtimer_interrupts[cpu]++;      /* watchdog_hardlockup_kick() */
    if (local_clock() >= watchdog_next_kick[cpu]) {
        watchdog_next_kick[cpu] = local_clock() + sample;
        if (watchdog_task[cpu])
            wake_up_process(watchdog_task[cpu]);
    }
    if (time_after(now, watchdog_report_ts[cpu] + thresh)) {
        unsigned long duration = now - watchdog_touch_ts[cpu];
        watchdog_report_ts[cpu] = now;
        char head[128];
        snprintf(head, sizeof(head), pr_fmt("BUG: soft lockup - CPU#%d stuck for %lus! [%s:%d]"), cpu, duration,
                 current->comm, current->pid);
        printk(KERN_EMERG "%s\n", head);
        __spinlab_show_regs();
        __spinlab_finding("soft-lockup", head, SPINLAB_FINDING_INTERRUPTED);
        add_taint(TAINT_SOFTLOCKUP, LOCKDEP_STILL_OK);
    }
}

/*
 * touch_softlockup_watchdog(): a CPU that knowingly runs long without scheduling (a long
 * mdelay, a console flush) says it is alive: the soft-lockup report waits a full threshold
 * from now (the kernel resets watchdog_report_ts, SOFTLOCKUP_DELAY_REPORT).
 */
void touch_softlockup_watchdog(void)
{
    watchdog_report_ts[smp_processor_id()] = get_timestamp();
}

void touch_softlockup_watchdog_sched(void)
{
    touch_softlockup_watchdog();
}

void touch_all_softlockup_watchdogs(void)
{
    unsigned long now = get_timestamp();
    int cpu;

    for (cpu = 0; cpu < NR_CPUS; cpu++)
        watchdog_report_ts[cpu] = now;
}

/*
 * touch_nmi_watchdog() (include/linux/nmi.h): the next hard-lockup check on this CPU does not
 * report (the kernel's arch_touch_nmi_watchdog sets watchdog_hardlockup_touched, and the check
 * skips once; here the CPU counts as having had its tick), and the soft-lockup watchdog is
 * touched too.
 */
void touch_nmi_watchdog(void)
{
    hrtimer_interrupts[smp_processor_id()]++;
    touch_softlockup_watchdog();
}

/* Has the tick (the kernel's watchdog hrtimer) stopped running on this CPU since the last check? */
static int is_hardlockup(int cpu)
{
    unsigned long hrint = hrtimer_interrupts[cpu];
    if (hrtimer_interrupts_saved[cpu] == hrint)
        return 1;
    hrtimer_interrupts_saved[cpu] = hrint;
    return 0;
}

/* From the NMI (the perf counter's overflow, watchdog_overflow_callback), once per lockup. */
void watchdog_hardlockup_check(void)
{
    int cpu = smp_processor_id();

    if (!watchdog_user_enabled)
        return;
    if (is_hardlockup(cpu)) {
        if (watchdog_hardlockup_warned[cpu])
            return;
        watchdog_hardlockup_warned[cpu] = 1;
        char head[96];
        snprintf(head, sizeof(head), pr_fmt("CPU%u: Watchdog detected hard LOCKUP on cpu %u"), cpu, cpu);
        printk(KERN_EMERG "%s\n", head);
        __spinlab_show_regs();
        __spinlab_finding("hard-lockup", head, SPINLAB_FINDING_INTERRUPTED);
        watchdog_hardlockup_reported = 1;
        return;
    }
    watchdog_hardlockup_warned[cpu] = 0;
}
