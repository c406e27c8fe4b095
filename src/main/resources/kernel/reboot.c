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
