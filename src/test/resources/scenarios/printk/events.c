/* A second after boot, fourteen events in a burst, a pause longer than the rate limit's interval, one more. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int i;
	int fd = open("/dev/logdemo", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	sleep(1);
	for (i = 0; i < 14; i++)
		write(fd, "e", 1);
	sleep(6);
	write(fd, "e", 1);
	close(fd);
	return 0;
}
