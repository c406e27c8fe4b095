/* Writes commands to /dev/strparse, one per write(), and reads the state back. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void cmd(int fd, const char *s)
{
	long r = write(fd, s, strlen(s));

	if (r < 0)
		printf("write \"%s\" failed: %ld\n", s, r);
}

int main(void)
{
	char buf[80];
	long n;
	int fd = open("/dev/strparse", O_RDWR);

	if (fd < 0) {
		printf("open failed\n");
		return 1;
	}
	cmd(fd, "set 42\n");
	cmd(fd, "set 0x1f");
	cmd(fd, "set 077");
	cmd(fd, "set -12");
	cmd(fd, "set 12abc");
	cmd(fd, "set 99999999999");
	cmd(fd, "u8 255");
	cmd(fd, "u8 300");
	cmd(fd, "enable on");
	cmd(fd, "enable maybe");
	cmd(fd, "pair 3,4");
	cmd(fd, "pair 5;6");
	cmd(fd, "   name   spinlab   \n");
	cmd(fd, "reboot");
	n = read(fd, buf, sizeof(buf) - 1);
	if (n >= 0) {
		buf[n] = 0;
		printf("read %ld bytes: %s", n, buf);
	}
	n = read(fd, buf, sizeof(buf) - 1);
	printf("second read: %ld\n", n);
	close(fd);
	return 0;
}
