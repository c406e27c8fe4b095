/*
 * spinlab's model of kernel/fork.c and kernel/kthread.c: creating tasks. Each task gets its
 * own execution context (stack and frames) in the simulated machine; it starts in
 * ret_from_fork(), which completes the context switch that first runs it.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/spinlock.h>

/* The machine's new execution context, starting at fn(arg) (intrinsic). */
int __spinlab_new_context(void (*fn)(struct task_struct *), struct task_struct *arg, unsigned long stack_size);

#define THREAD_SIZE 16384

static int next_pid = 1;
LIST_HEAD(task_list);

/*
 * Tasks alive (kernel/fork.c's nr_threads) and the most there may be. Linux derives
 * max_threads from memory (fork_init) and also checks RLIMIT_NPROC per user in copy_process;
 * the model has one limit, this model parameter, and fork() fails with -EAGAIN at it as
 * copy_process does, so a fork bomb ends instead of filling the machine.
 */
int nr_threads;             /* tasks made by fork() and alive: the model reaps at exit */
int max_threads = 1024;

void schedule_tail(struct task_struct *prev);
void wake_up_new_task(struct task_struct *p);
void do_exit(long code);

struct kthread_start {
    int (*fn)(void *);
    void *data;
};

void ret_from_fork(struct task_struct *p)
{
    schedule_tail(NULL);
    if (p->user_entry) {
        void (*entry)(int, char **) = p->user_entry;
        entry(p->user_argc, p->user_argv);   /* user space: _start(argc, argv) -> main() -> exit() */
    } else {
        struct kthread_start *ks = (struct kthread_start *)p->files;
        ks->fn(ks->data);
    }
    do_exit(0);
}

struct task_struct *alloc_task(const char *name, int cpu)
{
    struct task_struct *p = kzalloc(sizeof(*p), GFP_KERNEL);
    if (!p)
        return NULL;
    p->pid = next_pid;
    next_pid = next_pid + 1;
    strncpy(p->comm, name, TASK_COMM_LEN - 1);
    p->cpu = cpu;
    p->__state = TASK_UNINTERRUPTIBLE;
    INIT_LIST_HEAD(&p->run_list);
    raw_spin_lock_init(&p->pi_lock); __PREEMPT_RT_ONLY(rt_sched_init_task(p, DEFAULT_PRIO);)
    list_add_tail(&p->tasks, &task_list);
    return p;
}

void start_task(struct task_struct *p)
{
    p->exec_ctx = __spinlab_new_context(ret_from_fork, p, THREAD_SIZE);
    wake_up_new_task(p);
}

struct task_struct *kthread_create_on_cpu(int (*fn)(void *), void *data, const char *name, int cpu)
{
    struct task_struct *p = alloc_task(name, cpu);
    struct kthread_start *ks = kzalloc(sizeof(*ks), GFP_KERNEL);
    ks->fn = fn;
    ks->data = data;
    p->files = (struct files_struct *)ks;   /* kernel threads have no files: reuse the slot */
    p->flags = PF_KTHREAD;
    return p;
}

/* What a kernel thread was started with (kernel/kthread.c finds its struct kthread here). */
void *__spinlab_kthread_start_data(struct task_struct *p, int (*fn)(void *))
{
    struct kthread_start *ks = (struct kthread_start *)p->files;
    if (!(p->flags & PF_KTHREAD) || !ks || ks->fn != fn)
        return NULL;
    return ks->data;
}

void __spinlab_task_exit(struct task_struct *p, long code);
void __spinlab_process_started(struct task_struct *p, int forked);
/* Copies the calling context for a child (intrinsic): returns the child's context id in the
 * parent and -1 in the child, which resumes right after the call. */
int __spinlab_fork_context(struct task_struct *child);
struct files_struct *dup_files(struct files_struct *files);

/*
 * fork() of the calling process (kernel/fork.c: kernel_clone → copy_process). The model has
 * one address space, so the child gets a copy of the parent's stack at a new place, with the
 * frame pointers and the words that point into the stack moved along (see
 * KernelIntrinsics: __spinlab_fork_context); its first run completes the context switch that
 * started it (schedule_tail), as ret_from_fork does, and returns 0 from the system call.
 */
long __x64_sys_fork(long unused0, long unused1, long unused2)
{
    struct task_struct *parent = current;
    struct task_struct *child;
    int ctx;

    if (nr_threads >= max_threads)
        return -EAGAIN;     /* copy_process: "if (data_race(nr_threads >= max_threads))" */
    child = alloc_task(parent->comm, smp_processor_id());
    if (!child)
        return -ENOMEM;
    nr_threads++;

    child->user_entry = parent->user_entry;
    child->files = dup_files(parent->files);
    child->in_syscall = parent->in_syscall;
    child->user_origin = USER_ORIGIN_FORK;
    ctx = __spinlab_fork_context(child);
    if (ctx < 0) {
        schedule_tail(NULL);
        return 0;
    }
    child->exec_ctx = ctx;
    __spinlab_process_started(child, 1);
    wake_up_new_task(child);
    return child->pid;
}

void do_exit(long code)
{
    struct task_struct *p = current;
    p->exit_code = code;
    p->__state = TASK_DEAD;   /* the process list (Kernel.userTasks) reads both from here */
    if (p->user_origin == USER_ORIGIN_FORK)
        nr_threads--;         /* a forked task's exit gives its slot back (the model reaps at exit) */
    __spinlab_task_exit(p, code);
    schedule();
    /* never returns: a dead task is never woken */
    while (1)
        cpu_relax();
}
