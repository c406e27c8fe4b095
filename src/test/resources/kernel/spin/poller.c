/* poller: the four busy-waits of /dev/poll in turn. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(void)
{
	int fd = open("/dev/poll", O_RDWR);

	if (fd < 0) {
		perror("open /dev/poll");
		return 1;
	}
	for (int cmd = 0; cmd < 4; cmd++)
		ioctl(fd, cmd, 0);
	close(fd);
	return 0;
}
