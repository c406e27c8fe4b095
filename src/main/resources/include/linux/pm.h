/* spinlab's model of <linux/pm.h>: struct dev_pm_ops and its macros are in <linux/device.h>. */
#include <linux/device.h>
