/*
 * spinlab's model of kernel/panic.c: panic() in the kernel's order — interrupts and
 * preemption off, the message, the stack (CONFIG_DEBUG_BUGVERBOSE), the other CPUs stopped,
 * the end marker — then the machine halts (the kernel spins forever with panic_timeout = 0;
 * spinlab ends the run there). A second CPU that panics meanwhile just stops.
 */
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/reboot.h>
#include <linux/atomic.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/debug_locks.h>

#define PANIC_CPU_INVALID -1

int panic_timeout;

/*
 * The taint mask lives here, in kernel memory, as in the kernel: a model checker copies and
 * compares it with the rest of the machine, and the "Tainted: G        W" of every later report
 * reads it.
 */
unsigned long tainted_mask;

unsigned long __spinlab_test_and_set_bit(int nr, volatile unsigned long *addr);

/* add_taint(): the kernel's set_bit(flag, &tainted_mask), one atomic step. */
void add_taint(unsigned flag, int lockdep_ok)
{
    if (lockdep_ok == LOCKDEP_NOW_UNRELIABLE && debug_locks_off())
        printk(KERN_WARNING "Disabling lock debugging due to kernel taint\n");
    __spinlab_test_and_set_bit(flag, &tainted_mask);
}

int test_taint(unsigned flag)
{
    return (tainted_mask >> flag) & 1;
}

/* The reports that end in the kernel's add_taint(TAINT_WARN, LOCKDEP_STILL_OK) (__warn()). */
void add_taint_warn(void)
{
    add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}

static atomic_t panic_cpu = ATOMIC_INIT(PANIC_CPU_INVALID);
static char panic_buf[1024];
static char panic_head[1100];


/* the function behind the panic(fmt, ...) macro, which formats the message first */
#undef panic
void panic(const char *msg)
{
    int this_cpu, old_cpu;
    int len;

    local_irq_disable();
    preempt_disable();

    this_cpu = raw_smp_processor_id();
    old_cpu = atomic_cmpxchg(&panic_cpu, PANIC_CPU_INVALID, this_cpu);
    if (old_cpu != PANIC_CPU_INVALID && old_cpu != this_cpu) {
        for (;;)
            cpu_relax();    /* panic_smp_self_stop(): another CPU is panicking */
    }

    strscpy(panic_buf, msg ? msg : "", sizeof(panic_buf));
    len = strlen(panic_buf);
    if (len && panic_buf[len - 1] == '\n')
        panic_buf[len - 1] = '\0';
    pr_emerg("Kernel panic - not syncing: %s\n", panic_buf);
    dump_stack();
    pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", panic_buf);
    snprintf(panic_head, sizeof(panic_head), "Kernel panic - not syncing: %s", panic_buf);
    __spinlab_finding("panic", panic_head, SPINLAB_FINDING_HERE);
    spinlab_machine_stopped = SPINLAB_STOPPED_PANIC;   /* the run ends here */
    for (;;)
        cpu_relax();
}
