/*
 * spinlab's model of kernel/reboot.c: emergency_restart() resets the machine without shutting
 * anything down (the kernel prints nothing; spinlab logs the reset and ends the run).
 */
#include <linux/kernel.h>
#include <linux/reboot.h>

void __spinlab_machine_halt(const char *why, const char *msg);

void emergency_restart(void)
{
    __spinlab_machine_halt("emergency-restart", "emergency_restart(): the machine restarts now");
}
