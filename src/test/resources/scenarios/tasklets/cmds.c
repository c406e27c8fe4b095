/* Writes each argument as a command to /dev/tasklets, a second apart. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i;
	int fd = open("/dev/tasklets", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		printf("%s\n", argv[i]);
		write(fd, argv[i], strlen(argv[i]));
		sleep(1);
	}
	close(fd);
	return 0;
}
