/* reset: resets the counter once through /dev/irqtimer. */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/irqtimer", O_WRONLY);

	if (fd < 0)
		return 1;
	if (write(fd, "0", 1) != 1)
		return 1;
	close(fd);
	return 0;
}
