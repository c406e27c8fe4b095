#include <fcntl.h>
#include <sys/ioctl.h>
#include <stdio.h>
int main(void)
{
	int fd = open("/dev/oops", O_RDWR);
	printf("ioctl...\n");
	ioctl(fd, 0, 0);
	printf("never\n");
	return 0;
}
