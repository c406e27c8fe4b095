#include <stdio.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

main()
{
	int fd;

	fd = open("/dev/test", O_RDWR);
	if (fd < 0)
	{
		perror("open fail \n");
		return;
	}
	sleep(20);
	close(fd);
	printf("open ok \n");
}
