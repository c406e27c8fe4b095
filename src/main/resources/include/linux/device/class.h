/*
 * spinlab's model of <linux/device/class.h>: the kernel split <linux/device.h> into this and its
 * siblings (class.h, bus.h, driver.h); the model keeps the device model in <linux/device.h>,
 * which a driver including only this part gets whole.
 */
#ifndef _SPINLAB_LINUX_DEVICE_CLASS_H
#define _SPINLAB_LINUX_DEVICE_CLASS_H

#include <linux/device.h>

#endif
