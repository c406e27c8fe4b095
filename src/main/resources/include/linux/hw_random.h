/*
 * spinlab's model of <linux/hw_random.h> (drivers/char/hw_random/core.c): the hardware random
 * number generator core. A driver registers a struct hwrng with read() (or data_present() and
 * data_read()); the core keeps the registered generators ordered by quality, makes the best one
 * current (calling its init()), and serves /dev/hwrng (misc minor 183) from the current one.
 * The core's feeding thread (khwrngd, which mixes a generator of non-zero quality into the
 * entropy pool) is not modelled.
 */
#ifndef _SPINLAB_LINUX_HW_RANDOM_H
#define _SPINLAB_LINUX_HW_RANDOM_H

#include <linux/completion.h>
#include <linux/types.h>
#include <linux/list.h>
#include <linux/kref.h>

struct device;

struct hwrng {
    const char *name;
    int (*init)(struct hwrng *rng);
    void (*cleanup)(struct hwrng *rng);
    int (*data_present)(struct hwrng *rng, int wait);
    int (*data_read)(struct hwrng *rng, u32 *data);
    int (*read)(struct hwrng *rng, void *data, size_t max, bool wait);
    unsigned long priv;
    unsigned short quality;

    /* the core's */
    struct list_head list;
    struct kref ref;
    struct completion cleanup_done;
    struct completion dying;
};

int hwrng_register(struct hwrng *rng);
int devm_hwrng_register(struct device *dev, struct hwrng *rng);
void hwrng_unregister(struct hwrng *rng);
long hwrng_msleep(struct hwrng *rng, unsigned int msecs);

#endif
