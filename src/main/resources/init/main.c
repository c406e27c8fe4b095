/*
 * spinlab's model of init/main.c: bringing up the kernel. The boot CPU's idle task runs
 * start_kernel(), which initialises the subsystems, creates the per-CPU kernel threads and
 * the init task; init runs the modules' initcalls, then starts the user programs, one every
 * spinlab_start_interval_ms (the way a person starts them from two terminals).
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/interrupt.h>
#include <linux/delay.h>
#include <linux/printk.h>
#include <linux/wait.h>
#include <linux/module.h>
#include <linux/slab.h>

struct spinlab_program {
    const char *name;
    void *entry;           /* the program's _start */
    int argc;
    char **argv;           /* the words of the program argument, argv[argc] == NULL */
};

/* Filled in by the machine before boot. */
struct spinlab_program spinlab_programs[32];   /* 32 bytes each: the machine writes them */
int spinlab_nr_programs;
/*
 * spinlab run removes the modules when the kernel has no more work (docs/kernel.md, "When a
 * run ends"): the machine sets spinlab_unload_at_end and writes the rmmod command
 * (usr/sbin/rmmod.c, the loaded modules in reverse order) here; when the run is over it
 * raises the console line, as a person typing at the console would, and init starts rmmod.
 * check leaves it 0: its search ends with the programs.
 */
int spinlab_unload_at_end;
struct spinlab_program spinlab_rmmod_program;
#define SPINLAB_CONSOLE_IRQ 0
static DECLARE_WAIT_QUEUE_HEAD(console_wq);
static int console_rmmod;
unsigned int spinlab_start_interval_ms;
struct task_struct *idle_tasks[NR_CPUS];

void sched_init_cpu(int cpu, struct task_struct *idle);
void softirq_init(void);
void init_timers(void);
struct task_struct *alloc_task(const char *name, int cpu);
void start_task(struct task_struct *p);
struct task_struct *kthread_create_on_cpu(int (*fn)(void *), void *data, const char *name, int cpu);
int run_ksoftirqd(void *data);
int worker_thread(void *unused);
void workqueue_init_early(void);
int cpu_stopper_thread(void *data);
void cpu_idle_loop(void);
/* Set once init has run the modules' initcalls: the machine's devices start after it. */
int spinlab_boot_done;
void __spinlab_process_started(struct task_struct *p, int forked);
void __spinlab_start_secondary(int cpu);
void spinlab_load_modules(void);
extern struct module spinlab_modules[];
extern int spinlab_nr_modules;
extern struct task_struct *ksoftirqd[NR_CPUS];
extern struct task_struct *watchdog_task[NR_CPUS];

extern int system_state;

int net_dev_init(void);
int inet_init(void);
int loopback_net_init(void);
int spinlab_nic_init(void);
int misc_init(void);
int ksysfs_init(void);
int proc_devices_init(void);
int param_sysfs_init(void);

/*
 * The built-in initcalls, in the kernel's level order: core (ksysfs: /sys/kernel), subsys
 * (misc, net core), fs (inet, /proc/devices), device.
 */
static int (*builtin_initcalls[])(void) = { ksysfs_init, param_sysfs_init, misc_init, net_dev_init, loopback_net_init, inet_init,
                                             proc_devices_init, spinlab_nic_init };

static void do_basic_setup(void)
{
    int i;
    for (i = 0; i < ARRAY_SIZE(builtin_initcalls); i++)
        builtin_initcalls[i]();
}

static irqreturn_t console_interrupt(int irq, void *dev_id)
{
    console_rmmod = 1;
    wake_up(&console_wq);
    return IRQ_HANDLED;
}

static void start_program(struct spinlab_program *prog, int how)
{
    struct task_struct *p = alloc_task(prog->name, 0);
    p->user_entry = prog->entry;
    p->user_argc = prog->argc;
    p->user_argv = prog->argv;
    p->user_origin = how;
    __spinlab_process_started(p, how);
    start_task(p);
}

/*
 * rmmod for the modules that are live, newest first (a module whose insmod failed is not
 * named); started as a command typed at the console (USER_ORIGIN_CONSOLE).
 */
static void start_rmmod(void)
{
    struct spinlab_program *prog = &spinlab_rmmod_program;
    char **argv = kzalloc((spinlab_nr_modules + 2) * sizeof(char *), GFP_KERNEL);
    int i;
    prog->argc = 0;
    argv[prog->argc++] = "rmmod";
    for (i = spinlab_nr_modules - 1; i >= 0; i--)
        if (spinlab_modules[i].state == MODULE_STATE_LIVE)
            argv[prog->argc++] = spinlab_modules[i].name;
    prog->argv = argv;
    start_program(prog, USER_ORIGIN_CONSOLE);
}

static int kernel_init(void *unused)
{
    int i;
    do_basic_setup();
    if (spinlab_unload_at_end)
        request_irq(SPINLAB_CONSOLE_IRQ, console_interrupt, 0, "console", NULL);
    system_state = 1;  /* SYSTEM_RUNNING: modules load as with insmod on a running system */
    spinlab_load_modules();   /* kernel/module/main.c: insmod of each module, in order */
    spinlab_boot_done = 1;
    for (i = 0; i < spinlab_nr_programs; i++) {
        if (i > 0 && spinlab_start_interval_ms)
            msleep(spinlab_start_interval_ms);
        start_program(&spinlab_programs[i], USER_ORIGIN_INIT);
    }
    if (!spinlab_unload_at_end)
        return 0;
    wait_event(console_wq, console_rmmod);
    start_rmmod();
    return 0;
}

/* Per-CPU threads, pinned to their CPU. */
static struct task_struct *per_cpu_thread(int (*fn)(void *), const char *fmt, int cpu)
{
    char name[16];
    struct task_struct *p;
    snprintf(name, sizeof(name), fmt, cpu);
    p = kthread_create_on_cpu(fn, NULL, name, cpu);
    p->flags |= PF_NO_SETAFFINITY;
    return p;
}

/* Runs on CPU 0 as its idle task (swapper/0); the machine has made every CPU's idle task. */
void start_kernel(void)
{
    int cpu;
    struct task_struct *init;
    printk(KERN_NOTICE "Linux version 6.6.0-spinlab (spinlab model kernel) #1 SMP " UTS_PREEMPT "\n");
    for (cpu = 0; cpu < nr_cpu_ids; cpu++)
        sched_init_cpu(cpu, idle_tasks[cpu]);
    softirq_init();
    init_timers();
    workqueue_init_early();
    init = kthread_create_on_cpu(kernel_init, NULL, "init", 0);   /* pid 1 */
    for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
        watchdog_task[cpu] = per_cpu_thread(cpu_stopper_thread, "migration/%d", cpu);
        ksoftirqd[cpu] = per_cpu_thread(run_ksoftirqd, "ksoftirqd/%d", cpu);
        start_task(watchdog_task[cpu]);
        start_task(ksoftirqd[cpu]);
        start_task(per_cpu_thread(worker_thread, "kworker/%d:0", cpu));   /* the system workqueue's worker */
    }
    printk(KERN_INFO "smp: Brought up 1 node, %d CPUs\n", nr_cpu_ids);
    for (cpu = 1; cpu < nr_cpu_ids; cpu++)
        __spinlab_start_secondary(cpu);
    start_task(init);
    local_irq_enable();
    cpu_idle_loop();
}

/* Secondary CPUs start here on their idle task. */
void secondary_start_kernel(void)
{
    local_irq_enable();
    cpu_idle_loop();
}
