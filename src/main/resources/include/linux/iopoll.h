/*
 * spinlab's model of <linux/iopoll.h>: polling a register until a condition holds or a timeout
 * passes. The loops are the kernel's: read, test the condition, give up past the timeout (one
 * last read then, so that a condition that came true meanwhile still counts), otherwise wait
 * and read again. The plain forms wait with usleep_range() and so may sleep (might_sleep_if:
 * one called under a spinlock is "sleeping function called from invalid context"); the _atomic
 * forms busy-wait with udelay() and may run anywhere. Each evaluates to 0, or -ETIMEDOUT with
 * val holding the last value read.
 */
#ifndef _SPINLAB_LINUX_IOPOLL_H
#define _SPINLAB_LINUX_IOPOLL_H

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/ktime.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <asm/io.h>

/*
 * The loop both forms share: check(wait_us) once (might_sleep_if for the sleeping form), then
 * read, test, give up past the deadline after one last read, wait(wait_us) and read again.
 */
#define __spinlab_poll_timeout(op, val, cond, wait_us, timeout_us, wait_before_read, check, wait, args...) \
({ \
	u64 __poll_timeout_us = (timeout_us); \
	unsigned long __poll_wait_us = (wait_us); \
	ktime_t __poll_deadline = ktime_add_us(ktime_get(), __poll_timeout_us); \
	check(__poll_wait_us); \
	if ((wait_before_read) && __poll_wait_us) \
		wait(__poll_wait_us); \
	for (;;) { \
		(val) = op(args); \
		if (cond) \
			break; \
		if (__poll_timeout_us && ktime_compare(ktime_get(), __poll_deadline) > 0) { \
			(val) = op(args); \
			break; \
		} \
		if (__poll_wait_us) \
			wait(__poll_wait_us); \
		cpu_relax(); \
	} \
	(cond) ? 0 : -ETIMEDOUT; \
})

#define __spinlab_poll_may_sleep(us) might_sleep_if((us) != 0)
#define __spinlab_poll_sleep(us) usleep_range(((us) >> 2) + 1, (us))
#define __spinlab_poll_atomic(us) do { } while (0)

#define read_poll_timeout(op, val, cond, sleep_us, timeout_us, sleep_before_read, args...) \
	__spinlab_poll_timeout(op, val, cond, sleep_us, timeout_us, sleep_before_read, \
			       __spinlab_poll_may_sleep, __spinlab_poll_sleep, args)

#define read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us, delay_before_read, args...) \
	__spinlab_poll_timeout(op, val, cond, delay_us, timeout_us, delay_before_read, \
			       __spinlab_poll_atomic, udelay, args)

#define readx_poll_timeout(op, addr, val, cond, sleep_us, timeout_us) \
	read_poll_timeout(op, val, cond, sleep_us, timeout_us, false, addr)
#define readx_poll_timeout_atomic(op, addr, val, cond, delay_us, timeout_us) \
	read_poll_timeout_atomic(op, val, cond, delay_us, timeout_us, false, addr)

#define readb_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readb, addr, val, cond, delay_us, timeout_us)
#define readb_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readb, addr, val, cond, delay_us, timeout_us)
#define readw_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readw, addr, val, cond, delay_us, timeout_us)
#define readw_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readw, addr, val, cond, delay_us, timeout_us)
#define readl_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readl, addr, val, cond, delay_us, timeout_us)
#define readl_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readl, addr, val, cond, delay_us, timeout_us)
#define readq_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readq, addr, val, cond, delay_us, timeout_us)
#define readq_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readq, addr, val, cond, delay_us, timeout_us)
#define readl_relaxed_poll_timeout(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout(readl_relaxed, addr, val, cond, delay_us, timeout_us)
#define readl_relaxed_poll_timeout_atomic(addr, val, cond, delay_us, timeout_us) \
	readx_poll_timeout_atomic(readl_relaxed, addr, val, cond, delay_us, timeout_us)

#endif
