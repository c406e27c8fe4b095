/* spinlab's model of <linux/bottom_half.h>: disabling and enabling softirq processing. */
#ifndef _SPINLAB_LINUX_BOTTOM_HALF_H
#define _SPINLAB_LINUX_BOTTOM_HALF_H

#include <linux/preempt.h>

void __local_bh_disable_ip(unsigned long ip, unsigned int cnt);
void __local_bh_enable_ip(unsigned long ip, unsigned int cnt);
void _local_bh_enable(void);

#define local_bh_disable() __local_bh_disable_ip(0, SOFTIRQ_DISABLE_OFFSET)
void local_bh_enable(void);

#endif
