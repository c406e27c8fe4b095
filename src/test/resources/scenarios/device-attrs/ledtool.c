/* Reads and writes the ledbar attributes as cat and echo would; writes the device nodes. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void cat(const char *path)
{
	char buf[64];
	long n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("cat %s: cannot open\n", path);
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	if (n < 0) {
		printf("cat %s: read error %ld\n", path, n);
	} else {
		buf[n] = '\0';
		printf("%s: %s", path, buf);
	}
	close(fd);
}

static void echo(const char *text, const char *path)
{
	long n;
	int fd = open(path, O_WRONLY);

	if (fd < 0) {
		printf("echo > %s: cannot open\n", path);
		return;
	}
	n = write(fd, text, strlen(text));
	printf("echo %s > %s: %ld\n", text, path, n);
	close(fd);
}

int main(void)
{
	cat("/sys/class/ledbar/ledbar0/brightness");
	cat("/sys/class/ledbar/ledbar0/max");
	echo("200", "/sys/class/ledbar/ledbar0/brightness");
	echo("300", "/sys/class/ledbar/ledbar0/brightness");
	cat("/sys/class/ledbar/ledbar0/brightness");
	echo("1", "/sys/class/ledbar/ledbar0/trigger/blink");
	echo("1", "/sys/class/ledbar/ledbar0/trigger/blink");
	echo("1", "/sys/class/ledbar/ledbar0/max");
	cat("/sys/class/ledbar/ledbar0/trigger/blink");
	echo("x", "/dev/ledbar0");
	echo("x", "/dev/ledctl");
	cat("/sys/class/misc/ledctl/count");
	cat("/sys/class/ledbar/ledbar0/nosuch");
	return 0;
}
