/* Reads /dev/fastpath, flips its keys by writing commands, reads again. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void readit(void)
{
	char buf[64];
	long n;
	int fd = open("/dev/fastpath", O_RDONLY);

	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("%s", buf);
	close(fd);
}

static void cmd(const char *c)
{
	int fd = open("/dev/fastpath", O_WRONLY);

	if (write(fd, c, strlen(c)) < 0)
		printf("%s: refused\n", c);
	close(fd);
}

int main(void)
{
	readit();
	cmd("enable");
	readit();
	readit();
	cmd("disable");
	cmd("untrace");
	cmd("bogus");
	readit();
	return 0;
}
