/* Hands the kernel bad pointers, as a buggy program does; each call says what it returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <time.h>

#define UBUF_GET   _IOR('u', 1, int)
#define UBUF_PUT   _IOW('u', 2, int)
#define UBUF_CLEAR _IO('u', 3)

#define KERNEL_ADDRESS ((void *)0xffffffff81000000UL)

static void show(const char *what, long r)
{
	if (r < 0)
		printf("%-34s = %ld, errno %d%s\n", what, r, errno, errno == EFAULT ? " (EFAULT)" : "");
	else
		printf("%-34s = %ld\n", what, r);
	errno = 0;
}

int main(void)
{
	char *heap = malloc(8);
	char buf[8];
	int v = 7;
	int fd;

	show("write(1, NULL, 5)", write(1, NULL, 5));
	show("write(1, KERNEL_ADDRESS, 5)", write(1, KERNEL_ADDRESS, 5));
	show("open(NULL, O_RDWR)", open(NULL, O_RDWR));
	show("nanosleep(NULL, NULL)", nanosleep(NULL, NULL));
	show("nanosleep(KERNEL_ADDRESS, NULL)", nanosleep(KERNEL_ADDRESS, NULL));
	{
		struct timespec bad = { 0, 1000000000L };
		show("nanosleep({0, 1000000000}, NULL)", nanosleep(&bad, NULL));   /* EINVAL */
	}
	show("clock_gettime(CLOCK_MONOTONIC, NULL)", clock_gettime(1, NULL));
	show("open((char *)1, O_RDWR)", open((const char *)1, O_RDWR));
	fd = open("/dev/ubuf", O_RDWR);
	show("open(\"/dev/ubuf\", O_RDWR)", fd);

	show("read(fd, (void *)1, 10)", read(fd, (void *)1, 10));
	show("read(fd, \"literal\", 4)", read(fd, (void *)"literal", 4));
	show("read(fd, heap + 4, 8)", read(fd, heap + 4, 8));
	printf("heap[4..7] after it: %.4s\n", heap + 4);
	show("read(fd, KERNEL_ADDRESS, 8)", read(fd, KERNEL_ADDRESS, 8));
	show("read(fd, buf, 8)", read(fd, buf, 8));

	show("write(fd, NULL, 4)", write(fd, NULL, 4));
	memcpy(heap, "ABCDEFGH", 8);
	show("write(fd, heap + 2, 10)", write(fd, heap + 2, 10));
	show("write(fd, heap, 8)", write(fd, heap, 8));

	show("ioctl(fd, UBUF_GET, NULL)", ioctl(fd, UBUF_GET, 0));
	show("ioctl(fd, UBUF_GET, heap + 6)", ioctl(fd, UBUF_GET, (unsigned long)(heap + 6)));
	show("ioctl(fd, UBUF_GET, &v)", ioctl(fd, UBUF_GET, (unsigned long)&v));
	show("ioctl(fd, UBUF_PUT, KERNEL_ADDRESS)", ioctl(fd, UBUF_PUT, (unsigned long)KERNEL_ADDRESS));
	show("ioctl(fd, UBUF_PUT, \"literal\")", ioctl(fd, UBUF_PUT, (unsigned long)"literal"));
	show("ioctl(fd, UBUF_PUT, &v)", ioctl(fd, UBUF_PUT, (unsigned long)&v));
	printf("v = %d\n", v);
	show("ioctl(fd, UBUF_CLEAR, heap + 2)", ioctl(fd, UBUF_CLEAR, (unsigned long)(heap + 2)));
	printf("heap after it: %c%c%d%d%d%d%d%d\n", heap[0], heap[1], heap[2], heap[3], heap[4], heap[5], heap[6], heap[7]);
	close(fd);
	return 0;
}
