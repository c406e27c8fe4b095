#include <stdio.h>
#include <string.h>

#define EBUSY 16
#define EINVAL 22

struct file;
struct file_operations {
    int (*open)(struct file *f);
    int (*read)(struct file *f, char *buf, int len);
    int (*write)(struct file *f, const char *buf, int len);
    int (*release)(struct file *f);
};

struct file {
    const struct file_operations *f_op;
    int pos;
    char data[32];
    int len;
};

static int busy;

static int mem_open(struct file *f)
{
    if (busy)
        return -EBUSY;
    busy = 1;
    f->pos = 0;
    return 0;
}

static int mem_read(struct file *f, char *buf, int len)
{
    int n = f->len - f->pos;
    if (n > len)
        n = len;
    memcpy(buf, f->data + f->pos, n);
    f->pos += n;
    return n;
}

static int mem_write(struct file *f, const char *buf, int len)
{
    if (len > (int)sizeof f->data - f->len)
        return -EINVAL;
    memcpy(f->data + f->len, buf, len);
    f->len += len;
    return len;
}

static int mem_release(struct file *f)
{
    busy = 0;
    return 0;
}

static const struct file_operations mem_fops = {
    .open = mem_open,
    .read = mem_read,
    .write = mem_write,
    .release = mem_release,
};

static const struct file_operations ro_fops = {
    .open = mem_open,
    .read = mem_read,
    .release = mem_release,      /* .write left NULL */
};

static int vfs_write(struct file *f, const char *buf, int len)
{
    if (!f->f_op->write)
        return -EINVAL;
    return f->f_op->write(f, buf, len);
}

int main(void)
{
    struct file a = {.f_op = &mem_fops};
    struct file b = {.f_op = &ro_fops};
    printf("open a: %d\n", a.f_op->open(&a));
    printf("open b while a open: %d\n", b.f_op->open(&b));
    printf("write a: %d\n", vfs_write(&a, "hello ", 6));
    printf("write a: %d\n", vfs_write(&a, "kernel", 6));
    printf("write a too big: %d\n", vfs_write(&a, "0123456789012345678901234", 25));
    char buf[8];
    int n;
    while ((n = a.f_op->read(&a, buf, 5)) > 0)
        printf("read %d: %.*s\n", n, n, buf);
    printf("release a: %d\n", a.f_op->release(&a));
    printf("open b: %d\n", b.f_op->open(&b));
    printf("write b (no .write): %d\n", vfs_write(&b, "x", 1));
    printf("b.f_op->write == NULL: %d\n", b.f_op->write == NULL);
    b.f_op->release(&b);
    return 0;
}
