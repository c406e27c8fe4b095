/*
 * spinlab's model of kernel/kthread.c: kernel threads with the kernel's life cycle. A new
 * thread runs kthread(), which sleeps until the creator wakes it, then runs the thread
 * function unless it was told to stop first, and exits with its result; kthread_stop() sets
 * KTHREAD_SHOULD_STOP, wakes the thread and waits on its "exited" completion.
 *
 * The task itself comes from kernel/fork.c (kthread_create_on_cpu, on the creating CPU, free
 * to migrate); this file keeps the struct kthread it runs with.
 */
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/completion.h>
#include <linux/bitops.h>
#include <linux/err.h>

#define KTHREAD_IS_PER_CPU 0
#define KTHREAD_SHOULD_STOP 1
#define KTHREAD_SHOULD_PARK 2

struct kthread {
    unsigned long flags;
    unsigned int cpu;
    int result;
    int (*threadfn)(void *);
    void *data;
    struct completion parked;
    struct completion exited;
};

struct task_struct *kthread_create_on_cpu(int (*fn)(void *), void *data, const char *name, int cpu);
void *__spinlab_kthread_start_data(struct task_struct *p, int (*fn)(void *));
int __spinlab_new_context(void (*fn)(struct task_struct *), struct task_struct *arg, unsigned long stack_size);
void ret_from_fork(struct task_struct *p);
void do_exit(long code);

static int kthread(void *_create);

static struct kthread *to_kthread(struct task_struct *k)
{
    struct kthread *self = __spinlab_kthread_start_data(k, kthread);

    WARN_ON(!self);
    return self;
}

void *kthread_data(struct task_struct *k)
{
    return to_kthread(k)->data;
}

bool kthread_should_stop(void)
{
    return test_bit(KTHREAD_SHOULD_STOP, &to_kthread(current)->flags);
}

bool kthread_should_park(void)
{
    return test_bit(KTHREAD_SHOULD_PARK, &to_kthread(current)->flags);
}

bool kthread_should_stop_or_park(void)
{
    struct kthread *self = __spinlab_kthread_start_data(current, kthread);

    if (!self)
        return false;
    return self->flags & (BIT(KTHREAD_SHOULD_STOP) | BIT(KTHREAD_SHOULD_PARK));
}

void kthread_exit(long result)
{
    struct kthread *kthread = to_kthread(current);

    kthread->result = result;
    complete(&kthread->exited);     /* the kernel does this from do_exit (mm_release) */
    do_exit(0);
    while (1)
        ;
}

void kthread_complete_and_exit(struct completion *comp, long code)
{
    if (comp)
        complete(comp);
    kthread_exit(code);
}

static void __kthread_parkme(struct kthread *self)
{
    for (;;) {
        set_current_state(TASK_PARKED);
        if (!test_bit(KTHREAD_SHOULD_PARK, &self->flags))
            break;
        complete(&self->parked);
        schedule();
    }
    __set_current_state(TASK_RUNNING);
}

void kthread_parkme(void)
{
    __kthread_parkme(to_kthread(current));
}

/*
 * Every kernel thread made here starts in this function (called from ret_from_fork) when its
 * creator first wakes it. The kernel's new thread runs once to put itself to sleep in
 * TASK_UNINTERRUPTIBLE before kthread_create() returns; the model's starts out asleep in that
 * state, which nobody can tell apart.
 */
static int kthread(void *_create)
{
    struct kthread *self = _create;
    int ret;

    ret = -EINTR;
    if (!test_bit(KTHREAD_SHOULD_STOP, &self->flags)) {
        __kthread_parkme(self);
        ret = self->threadfn(self->data);
    }
    kthread_exit(ret);
    return 0;
}

struct task_struct *__kthread_create_on_node(int (*threadfn)(void *data), void *data, int node, char *name)
{
    struct kthread *self;
    struct task_struct *task;

    might_sleep();
    self = kzalloc(sizeof(*self), GFP_KERNEL);
    if (!self)
        return ERR_PTR(-ENOMEM);
    self->threadfn = threadfn;
    self->data = data;
    init_completion(&self->exited);
    init_completion(&self->parked);
    task = kthread_create_on_cpu(kthread, self, name, smp_processor_id());
    kfree(name);
    /* asleep (TASK_UNINTERRUPTIBLE, on no run queue) until wake_up_process() */
    task->exec_ctx = __spinlab_new_context(ret_from_fork, task, 16384);
    return task;
}

struct task_struct *__kthread_run_created(struct task_struct *k)
{
    if (!IS_ERR(k))
        wake_up_process(k);
    return k;
}

/* kthread_bind(): pin a thread that has not run yet to a CPU (it never migrates then) */
void kthread_bind(struct task_struct *p, unsigned int cpu)
{
    p->cpu = cpu;
    p->flags |= PF_NO_SETAFFINITY;
    to_kthread(p)->cpu = cpu;
    set_bit(KTHREAD_IS_PER_CPU, &to_kthread(p)->flags);
}

int kthread_park(struct task_struct *k)
{
    struct kthread *kthread = to_kthread(k);

    if (WARN_ON(k->flags & PF_EXITING))
        return -ENOSYS;
    if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kthread->flags)))
        return -EBUSY;
    set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
    if (k != current) {
        wake_up_process(k);
        wait_for_completion(&kthread->parked);
    }
    return 0;
}

void kthread_unpark(struct task_struct *k)
{
    struct kthread *kthread = to_kthread(k);

    if (!test_bit(KTHREAD_SHOULD_PARK, &kthread->flags))
        return;
    clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);
    wake_up_state(k, TASK_PARKED);
}

int kthread_stop(struct task_struct *k)
{
    struct kthread *kthread;
    int ret;

    get_task_struct(k);
    kthread = to_kthread(k);
    set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);
    kthread_unpark(k);
    wake_up_process(k);
    wait_for_completion(&kthread->exited);
    ret = kthread->result;
    put_task_struct(k);
    return ret;
}

int kthread_stop_put(struct task_struct *k)
{
    int ret = kthread_stop(k);

    put_task_struct(k);
    return ret;
}
