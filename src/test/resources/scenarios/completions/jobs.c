/*
 * jobs: completions and a driver's own workqueue, as in the tutorials' "wait for the
 * worker" examples. Two kernel threads wait for a "go" completion that complete_all()
 * releases for both; before that, one of them tries wait_for_completion_timeout() with
 * 50 ms and times out. A delayed work on the module's workqueue polls five times, 100 ms
 * apart, re-queueing itself, then completes "polled"; a work item embedded in a job
 * structure finds its job with container_of(). The exit cancels the poller (a no-op by
 * then: cancel_delayed_work_sync() returns false) and destroys the workqueue.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/workqueue.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/err.h>
#include <linux/sched.h>

#define POLLS 5

static DECLARE_COMPLETION(go);
static struct completion polled;
static struct workqueue_struct *jobs_wq;
static struct delayed_work poller;
static int polls;
static struct task_struct *waiters[2];

struct job {
	int id;
	int result;
	struct work_struct work;
	struct completion done;
};

static void job_fn(struct work_struct *work)
{
	struct job *job = container_of(work, struct job, work);

	job->result = job->id * job->id;
	pr_info("jobs: job %d computed %d\n", job->id, job->result);
	complete(&job->done);
}

static void poll_fn(struct work_struct *work)
{
	struct delayed_work *dw = to_delayed_work(work);

	polls++;
	pr_info("jobs: poll %d at %u ms\n", polls, jiffies_to_msecs(jiffies));
	if (polls < POLLS)
		queue_delayed_work(jobs_wq, dw, msecs_to_jiffies(100));
	else
		complete(&polled);
}

static int waiter_fn(void *data)
{
	long id = (long)data;

	if (id == 0) {
		unsigned long left = wait_for_completion_timeout(&go, msecs_to_jiffies(50));

		pr_info("jobs: waiter 0: %s\n", left ? "released early" : "timed out after 50 ms");
	}
	wait_for_completion(&go);
	pr_info("jobs: waiter %ld released (done: %d)\n", id, completion_done(&go));
	/* sleep until kthread_stop() wakes us, as kthreads with nothing left to do do */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return (int)id + 100;
}

static int __init jobs_init(void)
{
	struct job *job;
	long i;

	jobs_wq = alloc_workqueue("jobs_wq", WQ_UNBOUND, 1);
	if (!jobs_wq)
		return -ENOMEM;
	init_completion(&polled);
	for (i = 0; i < 2; i++) {
		waiters[i] = kthread_run(waiter_fn, (void *)i, "jobs_waiter/%ld", i);
		if (IS_ERR(waiters[i])) {
			destroy_workqueue(jobs_wq);
			return PTR_ERR(waiters[i]);
		}
	}

	job = kzalloc(sizeof(*job), GFP_KERNEL);
	if (!job)
		return -ENOMEM;
	job->id = 7;
	INIT_WORK(&job->work, job_fn);
	init_completion(&job->done);
	queue_work(jobs_wq, &job->work);
	wait_for_completion(&job->done);
	pr_info("jobs: job %d returned %d\n", job->id, job->result);
	kfree(job);

	msleep(100);
	pr_info("jobs: releasing the waiters\n");
	complete_all(&go);

	INIT_DELAYED_WORK(&poller, poll_fn);
	queue_delayed_work(jobs_wq, &poller, msecs_to_jiffies(100));
	if (!wait_for_completion_timeout(&polled, msecs_to_jiffies(2000)))
		pr_warn("jobs: poller did not finish\n");
	pr_info("jobs: polled %d times\n", polls);
	return 0;
}

static void __exit jobs_exit(void)
{
	int i;

	pr_info("jobs: cancel_delayed_work_sync: %d\n", cancel_delayed_work_sync(&poller));
	flush_workqueue(jobs_wq);
	destroy_workqueue(jobs_wq);
	for (i = 0; i < 2; i++)
		pr_info("jobs: waiter %d stopped: %d\n", i, kthread_stop(waiters[i]));
}

module_init(jobs_init);
module_exit(jobs_exit);
MODULE_LICENSE("GPL");
