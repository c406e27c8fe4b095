/*
 * spinlab's model of kernel/reboot.c: emergency_restart() resets the machine without shutting
 * anything down (the kernel prints nothing; spinlab logs the reset and ends the run).
 */
#include <linux/kernel.h>
#include <linux/reboot.h>

int spinlab_machine_stopped;

void emergency_restart(void)
{
    /* the machine stops: the run ends here */
    __spinlab_finding("emergency-restart", "emergency_restart(): the machine restarts now", SPINLAB_FINDING_HERE);
    spinlab_machine_stopped = SPINLAB_STOPPED_RESTART;
}

/* the reboot notifier chain (kernel/reboot.c's reboot_notifier_list), a blocking chain */
static BLOCKING_NOTIFIER_HEAD(reboot_notifier_list);

int register_reboot_notifier(struct notifier_block *nb)
{
    return blocking_notifier_chain_register(&reboot_notifier_list, nb);
}

int unregister_reboot_notifier(struct notifier_block *nb)
{
    return blocking_notifier_chain_unregister(&reboot_notifier_list, nb);
}
