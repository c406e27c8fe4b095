/* adder: adds one through /dev/lostupd, then closes it (release checks the sum). */
#include <fcntl.h>
#include <unistd.h>

int main(void)
{
	int fd = open("/dev/lostupd", O_WRONLY);

	if (fd < 0)
		return 1;
	if (write(fd, "1", 1) != 1)
		return 1;
	close(fd);
	return 0;
}
