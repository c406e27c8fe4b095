/*
 * spinlab's model of fs/select.c: poll(2). Each pass asks every file's .poll which events
 * are ready; the first pass also lets the driver queue the caller on its wait queues
 * (poll_wait -> __pollwait). With nothing ready the caller sleeps until a wake-up on one of
 * those queues (pollwake) or the timeout, then polls again; at the end it leaves the queues.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/jiffies.h>

#define POLL_MAX_ENTRIES 16
#define POLL_MAX_FDS 16

struct file *fget(unsigned int fd);

struct poll_wqueues;

struct poll_table_entry {
    struct file *filp;
    wait_queue_entry_t wait;
    wait_queue_head_t *wait_address;
    struct poll_wqueues *pwq;
};

struct poll_wqueues {
    poll_table pt;
    struct task_struct *polling_task;
    int triggered;
    int inline_index;
    struct poll_table_entry entries[POLL_MAX_ENTRIES];
};

/* struct pollfd of the user's array */
struct pollfd {
    int fd;
    short events;
    short revents;
};

static int pollwake(wait_queue_entry_t *wait, unsigned int mode, int sync, void *key)
{
    struct poll_table_entry *entry = container_of(wait, struct poll_table_entry, wait);
    entry->pwq->triggered = 1;
    smp_wmb();
    return default_wake_function(wait, mode, sync, key);
}

static void __pollwait(struct file *filp, wait_queue_head_t *wait_address, poll_table *p)
{
    struct poll_wqueues *pwq = container_of(p, struct poll_wqueues, pt);
    struct poll_table_entry *entry;
    if (pwq->inline_index >= POLL_MAX_ENTRIES)
        return;   /* the model's table is fixed: a poll over more queues than this is not woken by them */
    entry = &pwq->entries[pwq->inline_index++];
    entry->filp = filp;
    entry->wait_address = wait_address;
    entry->pwq = pwq;
    entry->wait.flags = 0;
    entry->wait.private = pwq->polling_task;
    entry->wait.func = pollwake;
    add_wait_queue(wait_address, &entry->wait);
}

static void poll_freewait(struct poll_wqueues *pwq)
{
    int i;
    for (i = 0; i < pwq->inline_index; i++)
        remove_wait_queue(pwq->entries[i].wait_address, &pwq->entries[i].wait);
}

static __poll_t vfs_poll(struct file *file, poll_table *pt)
{
    if (!file->f_op || !file->f_op->poll)
        return DEFAULT_POLLMASK;
    return file->f_op->poll(file, pt);
}

/* The events of one pollfd (POLLNVAL for a bad descriptor); errors and hang-ups always count. */
static __poll_t do_pollfd(struct pollfd *pollfd, poll_table *pwait)
{
    struct file *f;
    __poll_t mask;
    if (pollfd->fd < 0)
        return 0;
    f = fget(pollfd->fd);
    if (!f)
        return POLLNVAL;
    if (pwait)
        pwait->_key = pollfd->events | POLLERR | POLLHUP;
    mask = vfs_poll(f, pwait);
    return mask & (pollfd->events | POLLERR | POLLHUP);
}

/* timeout: jiffies to sleep at most, MAX_SCHEDULE_TIMEOUT for no limit, 0 to not sleep */
static int do_poll(struct pollfd *fds, unsigned int nfds, struct poll_wqueues *wait, long timeout)
{
    poll_table *pt = &wait->pt;
    int count = 0;
    int timed_out = timeout == 0;
    unsigned int i;

    if (timed_out)
        pt->_qproc = NULL;
    for (;;) {
        for (i = 0; i < nfds; i++) {
            fds[i].revents = do_pollfd(&fds[i], pt);
            if (fds[i].revents) {
                count++;
                pt->_qproc = NULL;   /* found one: no more queueing */
            }
        }
        pt->_qproc = NULL;
        if (count || timed_out)
            break;
        /* sleep until pollwake or the timeout (poll_schedule_timeout) */
        set_current_state(TASK_INTERRUPTIBLE);
        if (!wait->triggered) {
            if (timeout == MAX_SCHEDULE_TIMEOUT)
                schedule();
            else {
                timeout = schedule_timeout(timeout);
                if (timeout == 0)
                    timed_out = 1;
            }
        }
        __set_current_state(TASK_RUNNING);
        wait->triggered = 0;
        smp_mb();
    }
    return count;
}

long __x64_sys_poll(long ufds, long nfds, long timeout_msecs)
{
    struct pollfd fds[POLL_MAX_FDS];
    struct poll_wqueues *table;
    long timeout;
    int ret;
    unsigned int i;

    if (nfds < 0 || nfds > POLL_MAX_FDS)
        return -EINVAL;
    if (copy_from_user(fds, (const void __user *)ufds, nfds * sizeof(struct pollfd)))
        return -EFAULT;
    if ((int)timeout_msecs < 0)
        timeout = MAX_SCHEDULE_TIMEOUT;
    else
        timeout = msecs_to_jiffies((unsigned int)timeout_msecs);
    table = kzalloc(sizeof(*table), GFP_KERNEL);
    if (!table)
        return -ENOMEM;
    init_poll_funcptr(&table->pt, __pollwait);
    table->polling_task = current;
    ret = do_poll(fds, nfds, table, timeout);
    poll_freewait(table);
    kfree(table);
    for (i = 0; i < nfds; i++)
        if (copy_to_user((char __user *)ufds + i * sizeof(struct pollfd) + 6, &fds[i].revents, sizeof(short)))
            return -EFAULT;
    return ret;
}
