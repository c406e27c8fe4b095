/* Holds /dev/hrtimer_demo open for about a second; closing it cancels the periodic timer. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/hrtimer_demo", O_RDONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	usleep(1100000);
	close(fd);
	printf("closed\n");
	return 0;
}
