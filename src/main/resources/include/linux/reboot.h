/*
 * spinlab's model of <linux/reboot.h> (kernel/reboot.c): emergency_restart() resets the
 * machine at once; spinlab logs it ("spinlab: emergency_restart() ...") and the run ends.
 */
#ifndef _SPINLAB_LINUX_REBOOT_H
#define _SPINLAB_LINUX_REBOOT_H

#define SYS_DOWN 0x0001
#define SYS_RESTART SYS_DOWN
#define SYS_HALT 0x0002
#define SYS_POWER_OFF 0x0003

void emergency_restart(void);

/*
 * The machine has stopped by itself (kernel/reboot.c keeps it): after a panic (the kernel spins
 * there forever with panic_timeout = 0) or an emergency restart. Kernel memory, so it is part of
 * the machine's state; the run ends on it.
 */
extern int spinlab_machine_stopped;
#define SPINLAB_STOPPED_PANIC   1
#define SPINLAB_STOPPED_RESTART 2

#endif
