/* One write to /dev/memdemo. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/memdemo", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	printf("write %ld\n", write(fd, "0123456789", 10));
	close(fd);
	return 0;
}
