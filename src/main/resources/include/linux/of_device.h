/* spinlab's model of <linux/of_device.h>: no device tree in the model (see <linux/of.h>). */
#include <linux/of.h>
#include <linux/device.h>
