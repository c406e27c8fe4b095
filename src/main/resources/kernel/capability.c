/* spinlab's model of kernel/capability.c: every process of the model runs with all capabilities. */
#include <linux/kernel.h>
#include <linux/capability.h>
#include <linux/sched.h>

bool capable(int cap)
{
    if (!cap_valid(cap)) {
        pr_crit("capable() called with invalid cap=%u\n", cap);
        BUG();
    }
    return true;
}

bool ns_capable(void *ns, int cap)
{
    return capable(cap);
}

bool has_capability(struct task_struct *t, int cap)
{
    return cap_valid(cap);
}
