/* Reads hello5's parameters in /sys/module/hello5/parameters/ and changes one, as root would. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <errno.h>

static void show(const char *name)
{
    char path[96];
    char buf[64];
    long n;
    int fd;
    snprintf(path, sizeof(path), "/sys/module/hello5/parameters/%s", name);
    fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("%s: errno %d\n", name, errno);
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("%s = %s", name, buf);
    close(fd);
}

int main(void)
{
    int fd;
    show("myshort");
    show("myint");
    show("mylong");
    show("mybyte");
    show("mymask");
    show("verbose");
    show("quiet_off");
    show("name");
    show("irq");
    show("mystring");
    fd = open("/sys/module/hello5/parameters/myint", O_WRONLY);
    if (write(fd, "77\n", 3) < 0)
        printf("write myint: errno %d\n", errno);
    if (write(fd, "seventy\n", 8) < 0)
        printf("write myint=seventy: errno %d\n", errno);
    close(fd);
    show("myint");
    return 0;
}
