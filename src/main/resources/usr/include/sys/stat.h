/* spinlab's model of <sys/stat.h>: file mode bits and the calls that use them. */
#ifndef _SPINLAB_SYS_STAT_H
#define _SPINLAB_SYS_STAT_H

#include <sys/types.h>

#define S_IFMT 0170000
#define S_IFCHR 0020000
#define S_IFDIR 0040000
#define S_IFREG 0100000
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IRGRP 040
#define S_IWGRP 020
#define S_IROTH 04
#define S_IWOTH 02

int mkdir(const char *path, mode_t mode);
/* Makes a device node: S_IFCHR | permissions, and makedev(major, minor) (<sys/sysmacros.h>). */
int mknod(const char *path, mode_t mode, dev_t dev);
int chmod(const char *path, mode_t mode);

#endif
