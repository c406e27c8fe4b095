/* The ioctl interface of regdev, shared by the driver and its user program. */
#ifndef REGDEV_H
#define REGDEV_H

#include <linux/ioctl.h>

#define REGDEV_MAGIC 'r'
#define REGDEV_NREGS 8

struct regdev_reg {
	unsigned int index;
	unsigned int value;
};

#define REGDEV_RESET	_IO(REGDEV_MAGIC, 0)
#define REGDEV_GET	_IOWR(REGDEV_MAGIC, 1, struct regdev_reg)
#define REGDEV_SET	_IOW(REGDEV_MAGIC, 2, struct regdev_reg)
#define REGDEV_COUNT	_IOR(REGDEV_MAGIC, 3, int)

#endif
