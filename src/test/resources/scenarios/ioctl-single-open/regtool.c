/* Drives /dev/regdev: ioctls, a second open while the first is held, lseek and read. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "regdev.h"

int main(void)
{
	struct regdev_reg r;
	unsigned char bytes[8];
	int fd, fd2, n = 0;
	long ret;

	fd = open("/dev/regdev", O_RDWR);
	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	fd2 = open("/dev/regdev", O_RDWR);
	printf("second open: %d\n", fd2);
	ret = ioctl(fd, REGDEV_COUNT, &n);
	printf("COUNT: %ld, n = %d\n", ret, n);
	r.index = 2;
	r.value = 0x11223344;
	printf("SET r2: %d\n", ioctl(fd, REGDEV_SET, &r));
	r.index = 9;
	printf("SET r9: %d\n", ioctl(fd, REGDEV_SET, &r));
	r.index = 2;
	r.value = 0;
	ret = ioctl(fd, REGDEV_GET, &r);
	printf("GET r2: %ld, value 0x%x\n", ret, r.value);
	printf("bad command: %d\n", ioctl(fd, _IO('x', 1), 0));
	ret = lseek(fd, 8, SEEK_SET);
	printf("lseek 8: %ld\n", ret);
	n = read(fd, bytes, 4);
	printf("read %d bytes: %02x %02x %02x %02x\n", n, bytes[0], bytes[1], bytes[2], bytes[3]);
	printf("lseek past the end: %ld\n", (long)lseek(fd, 40, SEEK_SET));
	printf("lseek from end: %ld\n", (long)lseek(fd, -4, SEEK_END));
	printf("RESET: %d\n", ioctl(fd, REGDEV_RESET, 0));
	r.value = 1;
	ioctl(fd, REGDEV_GET, &r);
	printf("r2 after reset: 0x%x\n", r.value);
	close(fd);
	fd2 = open("/dev/regdev", O_RDONLY);
	printf("open after close: %s\n", fd2 >= 0 ? "ok" : "failed");
	close(fd2);
	return 0;
}
