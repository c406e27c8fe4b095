/*
 * What scull_load does with awk and mknod, in C: find the driver's major in /proc/devices,
 * make /dev/knock0 and /dev/knock4, read through both; a node with an unregistered major.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

static int find_major(const char *name)
{
    char buf[512];
    long n;
    int i = 0;
    int fd = open("/proc/devices", O_RDONLY);
    if (fd < 0)
        return -1;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    buf[n > 0 ? n : 0] = 0;
    printf("%s", buf);
    /* lines are "%3d name" */
    while (buf[i]) {
        int start = i;
        while (buf[i] && buf[i] != '\n')
            i++;
        if (buf[i])
            buf[i++] = 0;
        if (strlen(buf + start) > 4 && strcmp(buf + start + 4, name) == 0)
            return atoi(buf + start);
    }
    return -1;
}

static void cat(const char *path)
{
    char buf[64];
    long n;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: open failed, errno %d\n", path, errno);
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("%s: %s", path, buf);
    if (lseek(fd, 0, SEEK_SET) < 0)
        printf("%s: lseek refused, errno %d (ESPIPE is %d)\n", path, errno, ESPIPE);
    close(fd);
}

int main(void)
{
    int major = find_major("knock");
    printf("knock has major %d\n", major);
    if (mknod("/dev/knock0", S_IFCHR | 0666, makedev(major, 0)) < 0)
        printf("mknod knock0 failed\n");
    if (mknod("/dev/knock4", S_IFCHR | 0666, makedev(major, 4)) < 0)
        printf("mknod knock4 failed\n");
    if (mknod("/dev/knock0", S_IFCHR | 0666, makedev(major, 0)) < 0)
        printf("mknod knock0 again: errno %d (EEXIST is %d)\n", errno, EEXIST);
    mknod("/dev/nobody", S_IFCHR | 0666, makedev(200, 0));
    cat("/dev/knock0");
    cat("/dev/knock4");
    cat("/dev/nobody");
    return 0;
}
