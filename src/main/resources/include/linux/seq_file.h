/*
 * spinlab's model of <linux/seq_file.h> (implementation in fs/seq_file.c): a file whose
 * contents a driver produces record by record (start/next/stop/show), read through a
 * buffer that grows until one record fits, as the kernel's seq_read does.
 */
#ifndef _SPINLAB_LINUX_SEQ_FILE_H
#define _SPINLAB_LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/kernel.h>

struct seq_operations;

struct seq_file {
    char *buf;
    size_t size;
    size_t from;
    size_t count;
    size_t pad_until;
    loff_t index;
    loff_t read_pos;
    struct mutex lock;
    const struct seq_operations *op;
    int poll_event;
    const struct file *file;
    void *private;
};

struct seq_operations {
    void *(*start)(struct seq_file *m, loff_t *pos);
    void (*stop)(struct seq_file *m, void *v);
    void *(*next)(struct seq_file *m, void *v, loff_t *pos);
    int (*show)(struct seq_file *m, void *v);
};

#define SEQ_SKIP 1
#define SEQ_START_TOKEN ((void *)1)

static inline bool seq_has_overflowed(struct seq_file *m)
{
    return m->count == m->size;
}

int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
int seq_release(struct inode *inode, struct file *file);
int seq_release_private(struct inode *inode, struct file *file);
void *__seq_open_private(struct file *file, const struct seq_operations *ops, int psize);
int seq_open_private(struct file *file, const struct seq_operations *ops, int psize);

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data);
int single_open_size(struct file *file, int (*show)(struct seq_file *, void *), void *data, size_t size);
int single_release(struct inode *inode, struct file *file);

void seq_puts(struct seq_file *m, const char *s);
void seq_putc(struct seq_file *m, char c);
void seq_write(struct seq_file *m, const void *data, size_t len);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num);

/*
 * seq_printf formats straight into the buffer's free part (the model's snprintf stands in
 * for the kernel's seq_vprintf); a record that does not fit marks the buffer overflowed, and
 * seq_read retries it in a bigger one. m is evaluated more than once.
 */
char *__spinlab_seq_tail(struct seq_file *m);
size_t __spinlab_seq_room(struct seq_file *m);
void __spinlab_seq_commit(struct seq_file *m, int len);
#define seq_printf(m, fmt, ...) \
    __spinlab_seq_commit((m), snprintf(__spinlab_seq_tail(m), __spinlab_seq_room(m), fmt, ##__VA_ARGS__))

struct list_head *seq_list_start(struct list_head *head, loff_t pos);
struct list_head *seq_list_start_head(struct list_head *head, loff_t pos);
struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos);

/* DEFINE_SHOW_ATTRIBUTE(name): name_open with single_open, and name_fops / name_proc_ops */
#define DEFINE_SHOW_ATTRIBUTE(__name) \
    static int __name##_open(struct inode *inode, struct file *file) \
    { \
        return single_open(file, __name##_show, inode->i_private); \
    } \
    static const struct file_operations __name##_fops = { \
        .owner = THIS_MODULE, \
        .open = __name##_open, \
        .read = seq_read, \
        .llseek = seq_lseek, \
        .release = single_release, \
    }

#define DEFINE_SEQ_ATTRIBUTE(__name) \
    static int __name##_open(struct inode *inode, struct file *file) \
    { \
        int ret = seq_open(file, &__name##_sops); \
        if (!ret && inode->i_private) { \
            struct seq_file *seq_f = file->private_data; \
            seq_f->private = inode->i_private; \
        } \
        return ret; \
    } \
    static const struct file_operations __name##_fops = { \
        .owner = THIS_MODULE, \
        .open = __name##_open, \
        .read = seq_read, \
        .llseek = seq_lseek, \
        .release = seq_release, \
    }

#define DEFINE_PROC_SHOW_ATTRIBUTE(__name) \
    static int __name##_open(struct inode *inode, struct file *file) \
    { \
        return single_open(file, __name##_show, pde_data(inode)); \
    } \
    static const struct proc_ops __name##_proc_ops = { \
        .proc_open = __name##_open, \
        .proc_read = seq_read, \
        .proc_lseek = seq_lseek, \
        .proc_release = single_release, \
    }

#endif
