/* p0: one ioctl on /dev/propdev. */
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/propdev", O_RDWR);

	if (fd < 0)
		return 2;
	ioctl(fd, 0);
	close(fd);
	return 0;
}
