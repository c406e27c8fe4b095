/*
 * spinlab's model of <linux/timeriomem-rng.h>: the platform data a board gives the
 * timeriomem_rng platform device (drivers/char/hw_random/timeriomem-rng.c): where the random
 * word is read, how often it changes (in microseconds), and its entropy per 1024 bits.
 */
#ifndef _SPINLAB_LINUX_TIMERIOMEM_RNG_H
#define _SPINLAB_LINUX_TIMERIOMEM_RNG_H

#include <linux/compiler.h>

struct timeriomem_rng_data {
    void __iomem *address;
    unsigned int period;
    unsigned int quality;
};

#endif
