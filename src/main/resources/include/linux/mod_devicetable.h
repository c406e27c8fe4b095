/* spinlab's model of <linux/mod_devicetable.h>: the device ID tables drivers match on. */
#ifndef _SPINLAB_LINUX_MOD_DEVICETABLE_H
#define _SPINLAB_LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

typedef unsigned long kernel_ulong_t;

#define PLATFORM_NAME_SIZE 20
#define PLATFORM_MODULE_PREFIX "platform:"

struct platform_device_id {
    char name[PLATFORM_NAME_SIZE];
    kernel_ulong_t driver_data;
};

/* Device-tree matches: kept; the model has no device tree (CONFIG_OF is not set). */
struct of_device_id {
    char name[32];
    char type[32];
    char compatible[128];
    const void *data;
};

#endif
