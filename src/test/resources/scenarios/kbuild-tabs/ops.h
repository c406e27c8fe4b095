#ifndef ECHO_OPS_H
#define ECHO_OPS_H

#include <linux/fs.h>
#include <linux/mutex.h>

struct echo_dev {
	struct mutex lock;
	char text[32];
	size_t len;
};

extern struct echo_dev echo;
ssize_t echo_read(struct file *filp, char __user *buf, size_t count, loff_t *pos);
ssize_t echo_write(struct file *filp, const char __user *buf, size_t count, loff_t *pos);

#endif
