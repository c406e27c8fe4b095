/* Reads and writes the animals' attributes in /sys/kernel/zoo/ as cat and echo would. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

static void show(const char *path)
{
	char buf[32];
	long n;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		printf("%s: cannot open for reading\n", path);
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("%s: %s", path, buf);
	close(fd);
}

static void store(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0) {
		printf("%s: cannot open for writing\n", path);
		return;
	}
	if (write(fd, text, strlen(text)) < 0)
		printf("%s: write of '%s' refused\n", path, text);
	close(fd);
}

int main(void)
{
	show("/sys/kernel/zoo/cat/legs");
	show("/sys/kernel/zoo/bird/legs");
	store("/sys/kernel/zoo/cat/feed", "1");
	store("/sys/kernel/zoo/cat/feed", "1");
	store("/sys/kernel/zoo/bird/feed", "1");
	store("/sys/kernel/zoo/bird/legs", "two");
	store("/sys/kernel/zoo/cat/legs", "3");
	show("/sys/kernel/zoo/cat/legs");
	show("/sys/kernel/zoo/cat/feedings");
	show("/sys/kernel/zoo/bird/feedings");
	show("/sys/kernel/zoo/cat/feed");
	store("/sys/kernel/zoo/cat/feedings", "9");
	show("/sys/kernel/zoo/dog/legs");
	return 0;
}
