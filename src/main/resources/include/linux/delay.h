/* spinlab's model of <linux/delay.h>: sleeping and busy-waiting delays in simulated time. */
#ifndef _SPINLAB_LINUX_DELAY_H
#define _SPINLAB_LINUX_DELAY_H

/* init/calibrate.c: the kernel's starting value, never calibrated (the delays wait on the clock) */
extern unsigned long loops_per_jiffy;

void msleep(unsigned int msecs);
void ssleep(unsigned int secs);
void usleep_range(unsigned long min, unsigned long max);
void udelay(unsigned long usecs);
void ndelay(unsigned long nsecs);
void mdelay(unsigned long msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
void fsleep(unsigned long usecs);
#define usleep_idle_range(min, max) usleep_range((min), (max))

#endif
