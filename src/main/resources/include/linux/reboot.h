/*
 * spinlab's model of <linux/reboot.h> (kernel/reboot.c): emergency_restart() resets the
 * machine at once; spinlab logs it ("spinlab: emergency_restart() ...") and the run ends.
 * The reboot notifier chain is kept (register_reboot_notifier); the model never shuts down
 * in order (kernel_restart/kernel_halt), so nothing calls it, as emergency_restart() does not.
 */
#ifndef _SPINLAB_LINUX_REBOOT_H
#define _SPINLAB_LINUX_REBOOT_H

#include <linux/notifier.h>

void emergency_restart(void);

int register_reboot_notifier(struct notifier_block *nb);
int unregister_reboot_notifier(struct notifier_block *nb);

/*
 * The machine has stopped by itself (kernel/reboot.c keeps it): after a panic (the kernel spins
 * there forever with panic_timeout = 0) or an emergency restart. Kernel memory, so it is part of
 * the machine's state; the run ends on it.
 */
extern int spinlab_machine_stopped;
#define SPINLAB_STOPPED_PANIC   1
#define SPINLAB_STOPPED_RESTART 2

#endif
