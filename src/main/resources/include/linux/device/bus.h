/*
 * spinlab's model of <linux/device/bus.h>: the kernel split <linux/device.h> into this and its
 * siblings (class.h, bus.h, driver.h); the model keeps the device model in <linux/device.h>,
 * which a driver including only this part gets whole.
 */
#ifndef _SPINLAB_LINUX_DEVICE_BUS_H
#define _SPINLAB_LINUX_DEVICE_BUS_H

#include <linux/device.h>

#endif
