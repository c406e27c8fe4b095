/* spinlab's model of <linux/kdev_t.h>: a dev_t is a 12-bit major and a 20-bit minor. */
#ifndef _SPINLAB_LINUX_KDEV_T_H
#define _SPINLAB_LINUX_KDEV_T_H

#define MINORBITS 20
#define MINORMASK ((1U << MINORBITS) - 1)

#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))

#endif
