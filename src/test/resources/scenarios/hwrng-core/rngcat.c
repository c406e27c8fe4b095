/*
 * Reads /dev/hwrng and the core's sysfs files, drops the best generator, reads again (what is
 * left in the core's buffer, then the other generator's words, blocking and not).
 */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>

static void show(const char *path)
{
	char buf[128];
	int fd = open(path, O_RDONLY);
	int n;

	if (fd < 0) {
		printf("%s: open failed\n", path);
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n >= 0) {
		buf[n] = 0;
		printf("%s: %s", path, buf);
	}
	close(fd);
}

static void take(int flags, int count)
{
	unsigned char b[16];
	int i, n;
	int fd = open("/dev/hwrng", O_RDONLY | flags);

	if (fd < 0) {
		printf("/dev/hwrng: open failed\n");
		return;
	}
	n = read(fd, b, count);
	if (n < 0) {
		printf("read%s: errno %d\n", flags ? " (nonblocking)" : "", errno);
	} else {
		printf("read%s %d:", flags ? " (nonblocking)" : "", n);
		for (i = 0; i < n; i++)
			printf(" %02x", b[i]);
		printf("\n");
	}
	close(fd);
}

int main(void)
{
	int fd;

	show("/sys/class/misc/hwrng/rng_current");
	show("/sys/class/misc/hwrng/rng_available");
	take(0, 8);
	take(0, 8);
	printf("write to /dev/hwrng opens: %d\n", open("/dev/hwrng", O_RDWR) >= 0);
	fd = open("/proc/twinrng", O_WRONLY);
	write(fd, "drop", 4);
	close(fd);
	show("/sys/class/misc/hwrng/rng_current");
	/* the core's buffer still holds what twin-fast gave: 48 bytes to hand out first */
	take(0, 16);
	take(0, 16);
	take(0, 16);
	take(0, 6);
	take(O_NONBLOCK, 4);
	take(O_NONBLOCK, 4);
	take(O_NONBLOCK, 4);
	take(O_NONBLOCK, 4);
	return 0;
}
