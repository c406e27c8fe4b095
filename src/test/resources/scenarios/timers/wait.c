/* Holds /dev/timers open for about a second; closing it shuts the periodic timer down. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/timers", O_RDONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	usleep(1100000);
	close(fd);
	printf("closed\n");
	return 0;
}
