/* client: one write() and one ioctl(SLEEPDEMO_SET_CONFIG) on /dev/sleepdemo. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

struct sleepdemo_config {
	int mode;
	int threshold;
};

#define SLEEPDEMO_SET_CONFIG _IOW('s', 1, struct sleepdemo_config)

int main(void)
{
	struct sleepdemo_config cfg;
	int fd;

	fd = open("/dev/sleepdemo", O_RDWR);
	if (fd < 0) {
		perror("open /dev/sleepdemo");
		return 1;
	}
	if (write(fd, "go", 2) != 2) {
		perror("write");
		return 1;
	}
	printf("client: write done\n");
	cfg.mode = 2;
	cfg.threshold = 40;
	if (ioctl(fd, SLEEPDEMO_SET_CONFIG, &cfg) < 0) {
		perror("ioctl");
		return 1;
	}
	printf("client: ioctl done\n");
	close(fd);
	return 0;
}
