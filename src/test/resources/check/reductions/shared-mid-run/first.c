#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

int total;

int main(void)
{
	int fd;
	int i;

	fd = open("/dev/propdev", O_RDWR);
	if (fd < 0)
		return 2;
	for (i = 0; i < 2; i++)
		total += i;
	total += ioctl(fd, 1);
	close(fd);
	return total & 1;
}