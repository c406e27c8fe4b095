/*
 * spinlab's model of <linux/of.h>: the model has no device tree (CONFIG_OF is not set), so,
 * as in such a kernel, of_match_ptr() is NULL and drivers match platform devices by name.
 */
#ifndef _SPINLAB_LINUX_OF_H
#define _SPINLAB_LINUX_OF_H

#include <linux/mod_devicetable.h>

#define of_match_ptr(_ptr) NULL

#endif
