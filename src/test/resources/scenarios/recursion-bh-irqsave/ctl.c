#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	int fd = open("/dev/statdev", O_RDWR);

	if (fd < 0)
		return 2;
	ioctl(fd, argc > 1 ? 1 : 2);
	close(fd);
	return 0;
}
