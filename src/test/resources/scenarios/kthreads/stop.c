/* Lets the threads run for two seconds, then asks the driver to stop them. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/kthreads", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	sleep(2);
	write(fd, "stop", 4);
	close(fd);
	printf("stopped\n");
	return 0;
}
