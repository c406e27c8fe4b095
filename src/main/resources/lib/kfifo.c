/*
 * spinlab's model of lib/kfifo.c: the ring of a kfifo. in and out count elements forever
 * (wrapping as unsigned ints); the slot of a count is count & mask. The writer publishes its
 * data before moving in (smp_wmb), the reader reads before moving out, so one writer and one
 * reader need no lock.
 */
#include <linux/kernel.h>
#include <linux/kfifo.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/log2.h>

static unsigned int kfifo_unused(struct __kfifo *fifo)
{
    return (fifo->mask + 1) - (fifo->in - fifo->out);
}

int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp_mask)
{
    size = roundup_pow_of_two(size);
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = esize;
    if (size < 2) {
        fifo->data = NULL;
        fifo->mask = 0;
        return -EINVAL;
    }
    fifo->data = kmalloc_array(esize, size, gfp_mask);
    if (!fifo->data) {
        fifo->mask = 0;
        return -ENOMEM;
    }
    fifo->mask = size - 1;
    return 0;
}

void __kfifo_free(struct __kfifo *fifo)
{
    kfree(fifo->data);
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = 0;
    fifo->data = NULL;
    fifo->mask = 0;
}

int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize)
{
    size /= esize;
    if (!is_power_of_2(size))
        size = rounddown_pow_of_two(size);
    fifo->in = 0;
    fifo->out = 0;
    fifo->esize = esize;
    fifo->data = buffer;
    if (size < 2) {
        fifo->mask = 0;
        return -EINVAL;
    }
    fifo->mask = size - 1;
    return 0;
}

static void kfifo_copy_in(struct __kfifo *fifo, const void *src, unsigned int len, unsigned int off)
{
    unsigned int size = fifo->mask + 1;
    unsigned int esize = fifo->esize;
    unsigned int l;

    off &= fifo->mask;
    if (esize != 1) {
        off *= esize;
        size *= esize;
        len *= esize;
    }
    l = min(len, size - off);
    memcpy(fifo->data + off, src, l);
    memcpy(fifo->data, src + l, len - l);
    smp_wmb();      /* the data is in place before in moves */
}

unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len)
{
    unsigned int l = kfifo_unused(fifo);

    if (len > l)
        len = l;
    kfifo_copy_in(fifo, buf, len, fifo->in);
    fifo->in += len;
    return len;
}

static void kfifo_copy_out(struct __kfifo *fifo, void *dst, unsigned int len, unsigned int off)
{
    unsigned int size = fifo->mask + 1;
    unsigned int esize = fifo->esize;
    unsigned int l;

    off &= fifo->mask;
    if (esize != 1) {
        off *= esize;
        size *= esize;
        len *= esize;
    }
    l = min(len, size - off);
    memcpy(dst, fifo->data + off, l);
    memcpy(dst + l, fifo->data, len - l);
    smp_wmb();      /* the data is read before out moves */
}

unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len)
{
    unsigned int l = fifo->in - fifo->out;

    if (len > l)
        len = l;
    kfifo_copy_out(fifo, buf, len, fifo->out);
    return len;
}

unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len)
{
    len = __kfifo_out_peek(fifo, buf, len);
    fifo->out += len;
    return len;
}

unsigned int __kfifo_skip(struct __kfifo *fifo)
{
    if (fifo->in == fifo->out)
        return 0;
    fifo->out++;
    return 1;
}

/* kfifo_put(): one element given by value (an integer or a pointer, little-endian) */
unsigned int __kfifo_put_val(struct __kfifo *fifo, u64 val)
{
    if (fifo->esize > sizeof(val) || !kfifo_unused(fifo))
        return 0;
    kfifo_copy_in(fifo, &val, 1, fifo->in);
    fifo->in++;
    return 1;
}

unsigned int __kfifo_in_spinlocked(struct __kfifo *fifo, const void *buf, unsigned int n, spinlock_t *lock,
                                   size_t recsize)
{
    unsigned long flags;
    unsigned int ret;

    spin_lock_irqsave(lock, flags);
    ret = recsize ? __kfifo_in_r(fifo, buf, n, recsize) : __kfifo_in(fifo, buf, n);
    spin_unlock_irqrestore(lock, flags);
    return ret;
}

unsigned int __kfifo_out_spinlocked(struct __kfifo *fifo, void *buf, unsigned int n, spinlock_t *lock,
                                    size_t recsize)
{
    unsigned long flags;
    unsigned int ret;

    spin_lock_irqsave(lock, flags);
    ret = recsize ? __kfifo_out_r(fifo, buf, n, recsize) : __kfifo_out(fifo, buf, n);
    spin_unlock_irqrestore(lock, flags);
    return ret;
}

/*
 * n elements between user memory and the ring, from element off on (wrapping at the end of the
 * buffer); the bytes not copied, as copy_from_user()/copy_to_user() return them. The record
 * FIFOs' calls pass bytes: their elements are bytes.
 */
static unsigned long kfifo_copy_from_user_at(struct __kfifo *fifo, const void __user *from, unsigned int n,
                                             unsigned int off)
{
    unsigned int esize = fifo->esize;
    unsigned int size = (fifo->mask + 1) * esize;
    unsigned int l;
    unsigned long ret;

    off = (off & fifo->mask) * esize;
    n *= esize;
    l = min(n, size - off);
    ret = copy_from_user(fifo->data + off, from, l);
    if (!ret)
        ret = copy_from_user(fifo->data, from + l, n - l);
    smp_wmb();
    return ret;
}

static unsigned long kfifo_copy_to_user_at(struct __kfifo *fifo, void __user *to, unsigned int n, unsigned int off)
{
    unsigned int esize = fifo->esize;
    unsigned int size = (fifo->mask + 1) * esize;
    unsigned int l;
    unsigned long ret;

    off = (off & fifo->mask) * esize;
    n *= esize;
    l = min(n, size - off);
    ret = copy_to_user(to, fifo->data + off, l);
    if (!ret)
        ret = copy_to_user(to + l, fifo->data, n - l);
    smp_wmb();
    return ret;
}

int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied)
{
    unsigned int l, esize = fifo->esize;
    int err = 0;

    if (esize != 1)
        len /= esize;
    l = kfifo_unused(fifo);
    if (len > l)
        len = l;
    if (kfifo_copy_from_user_at(fifo, from, len, fifo->in)) {
        err = -EFAULT;
        len = 0;
    }
    fifo->in += len;
    *copied = len * esize;
    return err;
}

int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied)
{
    unsigned int l, esize = fifo->esize;
    int err = 0;

    if (esize != 1)
        len /= esize;
    l = fifo->in - fifo->out;
    if (len > l)
        len = l;
    if (kfifo_copy_to_user_at(fifo, to, len, fifo->out)) {
        err = -EFAULT;
        len = 0;
    }
    fifo->out += len;
    *copied = len * esize;
    return err;
}

/*
 * Record FIFOs (the kernel's __kfifo_*_r): byte FIFOs holding records, each a length header of
 * recsize bytes (low byte first) followed by that many bytes of data. The header is read and
 * written byte by byte through the mask, so a record may wrap around the end of the buffer.
 */
static unsigned int __kfifo_peek_n(struct __kfifo *fifo, size_t recsize)
{
    unsigned char *data = fifo->data;
    unsigned int n = data[fifo->out & fifo->mask];

    if (recsize > 1)
        n |= data[(fifo->out + 1) & fifo->mask] << 8;
    return n;
}

static void __kfifo_poke_n(struct __kfifo *fifo, unsigned int n, size_t recsize)
{
    unsigned char *data = fifo->data;

    data[fifo->in & fifo->mask] = (unsigned char)n;
    if (recsize > 1)
        data[(fifo->in + 1) & fifo->mask] = (unsigned char)(n >> 8);
}

unsigned int __kfifo_len_r(struct __kfifo *fifo, size_t recsize)
{
    return __kfifo_peek_n(fifo, recsize);
}

/* the whole record or nothing; the header keeps len modulo its width, as the kernel's does */
unsigned int __kfifo_in_r(struct __kfifo *fifo, const void *buf, unsigned int len, size_t recsize)
{
    if (len + recsize > kfifo_unused(fifo))
        return 0;
    __kfifo_poke_n(fifo, len, recsize);
    kfifo_copy_in(fifo, buf, len, fifo->in + recsize);
    fifo->in += len + recsize;
    return len;
}

/* copy at most len bytes of the next record; *n is the record's whole length */
static unsigned int kfifo_out_copy_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize,
                                     unsigned int *n)
{
    *n = __kfifo_peek_n(fifo, recsize);
    if (len > *n)
        len = *n;
    kfifo_copy_out(fifo, buf, len, fifo->out + recsize);
    return len;
}

unsigned int __kfifo_out_peek_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize)
{
    unsigned int n;

    if (fifo->in == fifo->out)
        return 0;
    return kfifo_out_copy_r(fifo, buf, len, recsize, &n);
}

unsigned int __kfifo_out_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize)
{
    unsigned int n;

    if (fifo->in == fifo->out)
        return 0;
    len = kfifo_out_copy_r(fifo, buf, len, recsize, &n);
    fifo->out += n + recsize;
    return len;
}

/* drop the next record (the kernel's kfifo_skip() of a record FIFO; 1 here when there was one) */
unsigned int __kfifo_skip_r(struct __kfifo *fifo, size_t recsize)
{
    unsigned int n;

    if (fifo->in == fifo->out)
        return 0;
    n = __kfifo_peek_n(fifo, recsize);
    fifo->out += n + recsize;
    return 1;
}

/* one record from user space, cut to the longest the header can carry; nothing if it does not fit */
int __kfifo_from_user_r(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied,
                        size_t recsize)
{
    len = __kfifo_max_r(len, recsize);
    if (len + recsize > kfifo_unused(fifo)) {
        *copied = 0;
        return 0;
    }
    __kfifo_poke_n(fifo, len, recsize);
    if (kfifo_copy_from_user_at(fifo, from, len, fifo->in + recsize)) {
        *copied = 0;
        return -EFAULT;
    }
    fifo->in += len + recsize;
    *copied = len;
    return 0;
}

/* the next record to user space, cut to len bytes (the rest of the record is dropped) */
int __kfifo_to_user_r(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied,
                      size_t recsize)
{
    unsigned int n;

    if (fifo->in == fifo->out) {
        *copied = 0;
        return 0;
    }
    n = __kfifo_peek_n(fifo, recsize);
    if (len > n)
        len = n;
    if (kfifo_copy_to_user_at(fifo, to, len, fifo->out + recsize)) {
        *copied = 0;
        return -EFAULT;
    }
    fifo->out += n + recsize;
    *copied = len;
    return 0;
}
