/* Reads and writes /sys/kernel/knob/ as `cat` and `echo N >` would. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <errno.h>

static void show(const char *path)
{
    char buf[32];
    long n;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("cat %s: errno %d\n", path, errno);
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("cat %s: %s", path, buf);
    close(fd);
}

static void store(const char *path, const char *text)
{
    char shown[32];
    long n;
    int fd;
    strcpy(shown, text);
    if (shown[strlen(shown) - 1] == '\n')
        shown[strlen(shown) - 1] = 0;
    fd = open(path, O_WRONLY);
    if (fd < 0) {
        printf("echo %s > %s: open errno %d\n", shown, path, errno);
        return;
    }
    n = write(fd, text, strlen(text));
    if (n < 0)
        printf("echo %s > %s: write errno %d\n", shown, path, errno);
    close(fd);
}

int main(void)
{
    show("/sys/kernel/knob/value");
    store("/sys/kernel/knob/value", "42\n");
    show("/sys/kernel/knob/value");
    show("/sys/kernel/knob/hits");
    store("/sys/kernel/knob/value", "1000\n");
    store("/sys/kernel/knob/value", "many\n");
    show("/sys/kernel/knob/limits/max");
    store("/sys/kernel/knob/limits/max", "2000");
    store("/sys/kernel/knob/value", "1000\n");
    show("/sys/kernel/knob/value");
    store("/sys/kernel/knob/hits", "0");
    show("/sys/kernel/knob/reset");
    store("/sys/kernel/knob/reset", "1");
    show("/sys/kernel/knob/hits");
    show("/sys/kernel/knob/nothing");
    return 0;
}
