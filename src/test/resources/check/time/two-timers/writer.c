/* writer: one write() to /dev/twotimers. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/twotimers", O_WRONLY);

	if (fd < 0)
		return 1;
	if (write(fd, "x", 1) != 1)
		return 1;
	close(fd);
	return 0;
}
