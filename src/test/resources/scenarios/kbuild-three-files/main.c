/* ringbuf: module entry points; the ring is in buffer.c, the counters in stats.c. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include "ringbuf.h"

/* Each file may have its own static helper of the same name: it stays in its file. */
static const char *where(void)
{
    return KBUILD_BASENAME;
}

static int __init ringbuf_init(void)
{
    int i, v;
    pr_info("loading (%s.c), ring of %d\n", where(), RING_SIZE);
    for (i = 1; i <= RING_SIZE + 1; i++)
        if (ring_put(i * 10))
            pr_info("ring full at %d\n", i * 10);
    while (ring_get(&v) == 0)
        pr_info("got %d\n", v);
    stats_report();
    return 0;
}

static void __exit ringbuf_exit(void)
{
    pr_info("unloading\n");
}

module_init(ringbuf_init);
module_exit(ringbuf_exit);
MODULE_LICENSE("GPL");
