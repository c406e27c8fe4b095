/* ringbuf: counters of what the ring did. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/string.h>
#include "ringbuf.h"

static unsigned int puts, gets, fulls;

void stats_count(const char *what)
{
    if (strcmp(what, "put") == 0)
        puts++;
    else if (strcmp(what, "get") == 0)
        gets++;
    else
        fulls++;
}

void stats_report(void)
{
    pr_info("%u put, %u got, %u refused (%s.c)\n", puts, gets, fulls, KBUILD_BASENAME);
}
