/*
 * spinlab's model of <linux/nmi.h>: telling the lockup detectors (kernel/watchdog.c) that a CPU
 * which runs long without scheduling, or with interrupts off, is alive.
 */
#ifndef _SPINLAB_LINUX_NMI_H
#define _SPINLAB_LINUX_NMI_H

#include <linux/sched.h>

void touch_softlockup_watchdog(void);
void touch_softlockup_watchdog_sched(void);
void touch_all_softlockup_watchdogs(void);
void touch_nmi_watchdog(void);

#endif
