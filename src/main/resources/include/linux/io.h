/* spinlab's model of <linux/io.h>: the port and MMIO accessors (asm/io.h) and resources. */
#ifndef _SPINLAB_LINUX_IO_H
#define _SPINLAB_LINUX_IO_H

#include <linux/types.h>
#include <linux/err.h>
#include <linux/string.h>
#include <linux/ioport.h>
#include <asm/io.h>

#endif
