/*
 * spinlab's model of <linux/of.h>: the model has no device tree (CONFIG_OF is not set), so,
 * as in such a kernel, of_match_ptr() is NULL and drivers match platform devices by name.
 */
#ifndef _SPINLAB_LINUX_OF_H
#define _SPINLAB_LINUX_OF_H

#include <linux/mod_devicetable.h>

#define of_match_ptr(_ptr) NULL

#include <linux/errno.h>
#include <linux/types.h>

/* a device tree node; no device has one here (struct device's of_node is NULL) */
struct device_node;

/* the property readers as a kernel without CONFIG_OF has them (include/linux/of.h): -ENOSYS */
static inline int of_property_read_u32_array(const struct device_node *np, const char *propname,
                                             u32 *out_values, size_t sz)
{
    return -ENOSYS;
}

static inline int of_property_read_u32(const struct device_node *np, const char *propname, u32 *out_value)
{
    return of_property_read_u32_array(np, propname, out_value, 1);
}

static inline int of_property_read_string(const struct device_node *np, const char *propname,
                                          const char **out_string)
{
    return -ENOSYS;
}

static inline bool of_property_read_bool(const struct device_node *np, const char *propname)
{
    return false;
}

static inline int of_device_is_compatible(const struct device_node *device, const char *name)
{
    return 0;
}

#endif
