/* Reads /proc files as cat would, with a small buffer; writes a note first. */
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>

static int cat(const char *path, int bufsize, int quiet)
{
    char buf[200];
    long n, total = 0;
    int lines = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        printf("open %s failed\n", path);
        return -1;
    }
    while ((n = read(fd, buf, bufsize)) > 0) {
        long i;
        total += n;
        for (i = 0; i < n; i++)
            if (buf[i] == '\n')
                lines++;
        if (!quiet) {
            buf[n] = 0;
            printf("%s", buf);
        }
    }
    close(fd);
    printf("-- %s: %ld bytes, %d lines\n", path, total, lines);
    return 0;
}

int main(void)
{
    int fd;
    cat("/proc/procseq/counter", 100, 0);
    cat("/proc/procseq/counter", 100, 0);
    cat("/proc/procseq/squares", 150, 1);
    fd = open("/proc/procseq/note", O_WRONLY);
    write(fd, "hello from user space\n", 22);
    close(fd);
    cat("/proc/procseq/note", 100, 0);
    if (open("/proc/procseq/missing", O_RDONLY) < 0)
        printf("/proc/procseq/missing: no such entry\n");
    return 0;
}
