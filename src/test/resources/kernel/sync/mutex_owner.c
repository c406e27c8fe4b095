/* A mutex taken by one task and released by another: the debug check warns. */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/kthread.h> /* kthread_run(); includes <linux/sched.h> */

static struct mutex m;
static DECLARE_COMPLETION(done);

static int stranger(void *unused)
{
    printk("%s unlocks a mutex it does not own\n", current->comm);
    mutex_unlock(&m);
    complete(&done);
    return 0;
}

static int owner_init(void)
{
    mutex_init(&m);
    mutex_lock(&m);
    printk("locked: %d\n", mutex_is_locked(&m));
    kthread_run(stranger, NULL, "stranger");
    wait_for_completion(&done);
    printk("trylock after the foreign unlock: %d\n", mutex_trylock(&m));
    return 0;
}
module_init(owner_init);
