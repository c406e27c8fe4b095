/*
 * Drives /dev/watchdog as a watchdog daemon would: identity, a shorter timeout, a few pings,
 * then close. Built with -DMAGIC_CLOSE it writes the magic 'V' first, so the watchdog stops;
 * otherwise the watchdog keeps running after close and, with nobody pinging, fires.
 */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define WDIOC_GETSUPPORT 0x80285700
#define WDIOC_KEEPALIVE 0x80045705
#define WDIOC_SETTIMEOUT 0xc0045706
#define WDIOC_GETTIMEOUT 0x80045707

struct watchdog_info {
	unsigned int options;
	unsigned int firmware_version;
	unsigned char identity[32];
};

int main(void)
{
	struct watchdog_info info;
	int timeout = 2;
	int i;
	int fd = open("/dev/watchdog", O_WRONLY);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	if (ioctl(fd, WDIOC_GETSUPPORT, (unsigned long)&info) == 0)
		printf("identity \"%s\", options 0x%x\n", info.identity, info.options);
	if (ioctl(fd, WDIOC_SETTIMEOUT, (unsigned long)&timeout) == 0)
		printf("timeout set to %d s\n", timeout);
	for (i = 0; i < 3; i++) {
		sleep(1);
		ioctl(fd, WDIOC_KEEPALIVE, 0);
		write(fd, "\n", 1);
	}
#ifdef MAGIC_CLOSE
	write(fd, "V", 1);
#endif
	close(fd);
	printf("closed /dev/watchdog\n");
	sleep(5);
	printf("still alive\n");
	return 0;
}
