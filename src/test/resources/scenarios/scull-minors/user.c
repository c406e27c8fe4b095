/* Writes a different text to each scull minor and reads both back. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>

static void put(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY);
    if (fd < 0) {
        printf("open %s: failed\n", path);
        return;
    }
    write(fd, text, strlen(text));
    close(fd);
}

static void get(const char *path)
{
    char buf[64];
    long n;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("open %s: failed\n", path);
        return;
    }
    n = read(fd, buf, sizeof(buf) - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("%s holds \"%s\"\n", path, buf);
    close(fd);
}

int main(void)
{
    put("/dev/scull0", "zero's data");
    put("/dev/scull1", "one's data, longer");
    get("/dev/scull0");
    get("/dev/scull1");
    put("/dev/scull0", "rewritten");
    get("/dev/scull0");
    if (open("/dev/scull2", O_RDONLY) < 0)
        printf("/dev/scull2: no such device node\n");
    return 0;
}
