/*
 * spinlab's model of fs/seq_file.c: sequential files. seq_read fills a buffer with whole
 * records (start, show, next, ..., stop), doubling the buffer while a single record does
 * not fit, and hands the buffer out across reads; a read that asks for less than a record
 * gets the rest on the next read. seq_lseek rewinds (offset 0) or, for other offsets,
 * regenerates the records from the start and skips to the offset.
 */
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/err.h>
#include <linux/mutex.h>

#define SEQ_FIRST_SIZE 4096

int seq_open(struct file *file, const struct seq_operations *op)
{
    struct seq_file *p = kzalloc(sizeof(*p), GFP_KERNEL);
    if (!p)
        return -ENOMEM;
    file->private_data = p;
    mutex_init(&p->lock);
    p->op = op;
    p->file = file;
    /* a seq_file has no pread/pwrite (seq_open clears FMODE_PWRITE) */
    file->f_mode &= ~FMODE_PWRITE;
    return 0;
}

/* Fills m->buf with records from m->index on; 0 or an error; on return the buffer holds at least one record unless at the end. */
static int seq_fill(struct seq_file *m, size_t size)
{
    void *p;
    int err = 0;

    m->from = 0;
    p = m->op->start(m, &m->index);
    while (1) {
        err = PTR_ERR(p);
        if (!p || IS_ERR(p))
            break;
        err = m->op->show(m, p);
        if (err < 0)
            break;
        if (err > 0)
            m->count = 0;   /* SEQ_SKIP */
        if (!m->count) {
            p = m->op->next(m, p, &m->index);
            continue;
        }
        if (!seq_has_overflowed(m))
            goto fill;
        /* one record does not fit: a bigger buffer, the same record again */
        m->op->stop(m, p);
        kfree(m->buf);
        m->count = 0;
        m->size = m->size * 2;
        m->buf = kmalloc(m->size, GFP_KERNEL);
        if (!m->buf)
            return -ENOMEM;
        p = m->op->start(m, &m->index);
    }
    m->op->stop(m, p);
    return err > 0 ? 0 : err;
fill:
    /* more records while they fit and the reader wants more */
    while (1) {
        size_t offs = m->count;
        loff_t pos = m->index;
        p = m->op->next(m, p, &m->index);
        if (pos == m->index) {
            pr_info("buggy .next function %pS did not update position index\n", m->op->next);
            m->index++;
        }
        if (!p || IS_ERR(p))
            break;
        if (m->count >= size)
            break;
        err = m->op->show(m, p);
        if (err > 0) {
            m->count = offs;
        } else if (err || seq_has_overflowed(m)) {
            m->count = offs;
            break;
        }
    }
    m->op->stop(m, p);
    return 0;
}

static ssize_t seq_read_locked(struct seq_file *m, char __user *buf, size_t size)
{
    size_t copied = 0;
    size_t n;
    int err;

    if (!m->buf) {
        m->size = SEQ_FIRST_SIZE;
        m->buf = kmalloc(m->size, GFP_KERNEL);
        if (!m->buf)
            return -ENOMEM;
    }
    /* what an earlier read left in the buffer first */
    if (m->count) {
        n = min(m->count, size);
        if (copy_to_user(buf, m->buf + m->from, n))
            return -EFAULT;
        m->count -= n;
        m->from += n;
        copied += n;
        if (m->count || n == size)
            return copied;
        buf += n;
        size -= n;
    }
    err = seq_fill(m, size);
    if (err < 0)
        return copied ? copied : err;
    n = min(m->count, size);
    if (n && copy_to_user(buf, m->buf, n))
        return copied ? copied : -EFAULT;
    copied += n;
    m->count -= n;
    m->from = n;
    return copied;
}

ssize_t seq_read(struct file *file, char __user *buf, size_t size, loff_t *ppos)
{
    struct seq_file *m = file->private_data;
    ssize_t ret;

    mutex_lock(&m->lock);
    if (*ppos != m->read_pos) {
        /* an lseek moved us: regenerate from the start and skip to *ppos */
        loff_t target = *ppos;
        char scratch[64];
        m->index = 0;
        m->count = 0;
        m->from = 0;
        m->read_pos = 0;
        while (m->read_pos < target) {
            size_t want = target - m->read_pos;
            ssize_t got;
            if (want > sizeof(scratch))
                want = sizeof(scratch);
            got = seq_read_locked(m, (char __user *)scratch, want);
            if (got <= 0)
                break;
            m->read_pos += got;
        }
    }
    ret = seq_read_locked(m, buf, size);
    if (ret > 0) {
        *ppos += ret;
        m->read_pos += ret;
    }
    mutex_unlock(&m->lock);
    return ret;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
    struct seq_file *m = file->private_data;
    if (whence == SEEK_CUR)
        offset += file->f_pos;
    else if (whence != SEEK_SET)
        return -EINVAL;
    if (offset < 0)
        return -EINVAL;
    file->f_pos = offset;   /* seq_read catches up (or rewinds) at the next read */
    return offset;
}

int seq_release(struct inode *inode, struct file *file)
{
    struct seq_file *m = file->private_data;
    kfree(m->buf);
    kfree(m);
    return 0;
}

void *__seq_open_private(struct file *f, const struct seq_operations *ops, int psize)
{
    void *private = kzalloc(psize, GFP_KERNEL);
    struct seq_file *seq;
    if (!private)
        return NULL;
    if (seq_open(f, ops) < 0) {
        kfree(private);
        return NULL;
    }
    seq = f->private_data;
    seq->private = private;
    return private;
}

int seq_open_private(struct file *filp, const struct seq_operations *ops, int psize)
{
    return __seq_open_private(filp, ops, psize) ? 0 : -ENOMEM;
}

int seq_release_private(struct inode *inode, struct file *file)
{
    struct seq_file *seq = file->private_data;
    kfree(seq->private);
    seq->private = NULL;
    return seq_release(inode, file);
}

/* single_open: one record, the driver's show(m, v) with m->private = data. */
static void *single_start(struct seq_file *p, loff_t *pos)
{
    return *pos == 0 ? (void *)1 : NULL;
}

static void *single_next(struct seq_file *p, void *v, loff_t *pos)
{
    ++*pos;
    return NULL;
}

static void single_stop(struct seq_file *p, void *v)
{
}

int single_open(struct file *file, int (*show)(struct seq_file *, void *), void *data)
{
    struct seq_operations *op = kmalloc(sizeof(*op), GFP_KERNEL);
    int res = -ENOMEM;
    if (op) {
        op->start = single_start;
        op->next = single_next;
        op->stop = single_stop;
        op->show = show;
        res = seq_open(file, op);
        if (!res)
            ((struct seq_file *)file->private_data)->private = data;
        else
            kfree(op);
    }
    return res;
}

int single_open_size(struct file *file, int (*show)(struct seq_file *, void *), void *data, size_t size)
{
    return single_open(file, show, data);
}

int single_release(struct inode *inode, struct file *file)
{
    const struct seq_operations *op = ((struct seq_file *)file->private_data)->op;
    int res = seq_release(inode, file);
    kfree((void *)op);
    return res;
}

char *__spinlab_seq_tail(struct seq_file *m)
{
    return m->buf + m->count;
}

size_t __spinlab_seq_room(struct seq_file *m)
{
    return m->count < m->size ? m->size - m->count : 0;
}

/* snprintf's length: kept if it fit, else the buffer is marked overflowed (count = size). */
void __spinlab_seq_commit(struct seq_file *m, int len)
{
    if (len >= 0 && m->count + len < m->size)
        m->count += len;
    else
        m->count = m->size;
}

void seq_puts(struct seq_file *m, const char *s)
{
    size_t len = strlen(s);
    if (m->count + len >= m->size) {
        m->count = m->size;
        return;
    }
    memcpy(m->buf + m->count, s, len);
    m->count += len;
}

void seq_putc(struct seq_file *m, char c)
{
    if (m->count >= m->size)
        return;
    m->buf[m->count++] = c;
}

void seq_write(struct seq_file *m, const void *data, size_t len)
{
    if (m->count + len < m->size) {
        memcpy(m->buf + m->count, data, len);
        m->count += len;
        return;
    }
    m->count = m->size;
}

void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
    seq_printf(m, "%s%llu", delimiter, num);
}

void seq_put_decimal_ll(struct seq_file *m, const char *delimiter, long long num)
{
    seq_printf(m, "%s%lld", delimiter, num);
}

struct list_head *seq_list_start(struct list_head *head, loff_t pos)
{
    struct list_head *lh;
    for (lh = head->next; lh != head; lh = lh->next)
        if (pos-- == 0)
            return lh;
    return NULL;
}

struct list_head *seq_list_start_head(struct list_head *head, loff_t pos)
{
    if (!pos)
        return head;
    return seq_list_start(head, pos - 1);
}

struct list_head *seq_list_next(void *v, struct list_head *head, loff_t *ppos)
{
    struct list_head *lh = ((struct list_head *)v)->next;
    ++*ppos;
    return lh == head ? NULL : lh;
}
