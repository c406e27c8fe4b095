/* The device's file operations: it gives back the last text written to it. */
#include <linux/kernel.h>
#include <linux/poll.h>

#include "ops.h"

ssize_t echo_read(struct file *filp, char __user *buf, size_t count, loff_t *pos)
{
	ssize_t ret;

	mutex_lock(&echo.lock);
	ret = simple_read_from_buffer(buf, count, pos, echo.text, echo.len);
	mutex_unlock(&echo.lock);
	return ret;
}

ssize_t echo_write(struct file *filp, const char __user *buf, size_t count, loff_t *pos)
{
	size_t len = min(count, sizeof(echo.text));

	mutex_lock(&echo.lock);
	if (copy_from_user(echo.text, buf, len)) {
		mutex_unlock(&echo.lock);
		return -EFAULT;
	}
	echo.len = len;
	mutex_unlock(&echo.lock);
	return len;
}
