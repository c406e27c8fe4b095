/* Asks the driver to shift by 40 and to divide INT_MIN by -1, after a bad shift of its own. */
#include <stdio.h>
#include <fcntl.h>
#include <sys/ioctl.h>

#define UB_SHIFT _IO('b', 1)
#define UB_DIV   _IO('b', 2)

int main(void)
{
	int fd = open("/dev/ubdemo", O_RDWR);
	int n = 33;

	printf("1 << %d = %d\n", n, 1 << n);
	ioctl(fd, UB_SHIFT, 40);
	ioctl(fd, UB_DIV, -1);
	printf("not reached: the kernel oopsed\n");
	return 0;
}
