/* spinlab's model of <linux/jiffies.h>: the tick counter (HZ = 100). */
#ifndef _SPINLAB_LINUX_JIFFIES_H
#define _SPINLAB_LINUX_JIFFIES_H

#define HZ 100
#define NSEC_PER_SEC 1000000000L
#define NSEC_PER_MSEC 1000000L
#define TICK_NSEC (NSEC_PER_SEC / HZ)

extern volatile unsigned long jiffies;

#define time_after(a, b) ((long)((b) - (a)) < 0)
#define time_before(a, b) time_after(b, a)
#define time_after_eq(a, b) ((long)((a) - (b)) >= 0)

unsigned long msecs_to_jiffies(unsigned int m);
unsigned int jiffies_to_msecs(unsigned long j);

/* The machine's clock (intrinsic): simulated nanoseconds since boot. */
unsigned long local_clock(void);
#define ktime_get_ns() local_clock()

#endif
