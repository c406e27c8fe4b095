/* writer: one write to /dev/flag, which sets the flag and wakes the reader up. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/flag", O_WRONLY);

	if (fd < 0) {
		perror("open /dev/flag");
		return 1;
	}
	printf("writer: write returned %ld\n", (long)write(fd, "1", 1));
	close(fd);
	return 0;
}
