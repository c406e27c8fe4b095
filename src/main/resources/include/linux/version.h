/*
 * spinlab's model of the generated <linux/version.h>: the kernel release the model follows,
 * 6.6.0, as the build of a 6.6 tree writes it (Makefile: LINUX_VERSION_CODE is
 * VERSION * 65536 + PATCHLEVEL * 256 + SUBLEVEL, the sublevel capped at 255).
 */
#ifndef _SPINLAB_LINUX_VERSION_H
#define _SPINLAB_LINUX_VERSION_H

#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 6
#define LINUX_VERSION_SUBLEVEL 0
#define LINUX_VERSION_CODE 394752
#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

#endif
