/* reader: one read of /dev/flag, which sleeps until a writer has set the flag. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	char c;
	int fd = open("/dev/flag", O_RDONLY);

	if (fd < 0) {
		perror("open /dev/flag");
		return 1;
	}
	printf("reader: read returned %ld\n", (long)read(fd, &c, 1));
	close(fd);
	return 0;
}
