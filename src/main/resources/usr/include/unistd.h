/* spinlab's model of <unistd.h>: the process and file-descriptor calls of the simulated user space. */
#ifndef _SPINLAB_UNISTD_H
#define _SPINLAB_UNISTD_H

#include <sys/types.h>

unsigned int sleep(unsigned int seconds);
int usleep(unsigned int usec);
pid_t getpid(void);
pid_t fork(void);

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
off_t lseek(int fd, off_t offset, int whence);
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
int close(int fd);

#endif
