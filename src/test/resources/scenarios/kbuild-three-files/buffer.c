/* ringbuf: the ring itself, private to this file. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include "ringbuf.h"

static int ring[RING_SIZE];
static unsigned int head, tail;
static DEFINE_SPINLOCK(ring_lock);

static const char *where(void)
{
    return KBUILD_BASENAME;
}

int ring_put(int v)
{
    unsigned long flags;
    int ret = 0;
    spin_lock_irqsave(&ring_lock, flags);
    if (head - tail == RING_SIZE) {
        ret = -ENOSPC;
    } else {
        ring[head % RING_SIZE] = v;
        head++;
    }
    spin_unlock_irqrestore(&ring_lock, flags);
    stats_count(ret ? "full" : "put");
    return ret;
}

int ring_get(int *v)
{
    unsigned long flags;
    int ret = 0;
    spin_lock_irqsave(&ring_lock, flags);
    if (head == tail) {
        ret = -EAGAIN;
    } else {
        *v = ring[tail % RING_SIZE];
        tail++;
    }
    spin_unlock_irqrestore(&ring_lock, flags);
    if (ret == 0)
        stats_count("get");
    else
        pr_info("empty (%s.c)\n", where());
    return ret;
}
