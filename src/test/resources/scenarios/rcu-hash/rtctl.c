/* Changes the routing table through /proc/routes/ctl and lists /proc/routes/table. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void ctl(const char *cmd)
{
	int fd = open("/proc/routes/ctl", O_WRONLY);
	long n;

	if (fd < 0) {
		printf("cannot open ctl\n");
		return;
	}
	n = write(fd, cmd, strlen(cmd));
	if (n < 0)
		printf("%s: refused\n", cmd);
	close(fd);
}

static void table(void)
{
	char buf[512];
	long n;
	int fd = open("/proc/routes/table", O_RDONLY);

	if (fd < 0) {
		printf("cannot open table\n");
		return;
	}
	while ((n = read(fd, buf, sizeof(buf) - 1)) > 0) {
		buf[n] = '\0';
		printf("%s", buf);
	}
	close(fd);
}

int main(void)
{
	ctl("add 10 3");
	ctl("add 20 4");
	ctl("add 30 5");
	ctl("get 20");
	ctl("get 99");
	ctl("gw 7");
	ctl("get 98");
	ctl("add 20 6");
	ctl("del 10");
	ctl("del 11");
	ctl("bogus");
	sleep(1);
	table();
	return 0;
}
