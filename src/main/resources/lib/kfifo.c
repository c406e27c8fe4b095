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

unsigned int __kfifo_in_spinlocked(struct __kfifo *fifo, const void *buf, unsigned int n, spinlock_t *lock)
{
    unsigned long flags;
    unsigned int ret;

    spin_lock_irqsave(lock, flags);
    ret = __kfifo_in(fifo, buf, n);
    spin_unlock_irqrestore(lock, flags);
    return ret;
}

unsigned int __kfifo_out_spinlocked(struct __kfifo *fifo, void *buf, unsigned int n, spinlock_t *lock)
{
    unsigned long flags;
    unsigned int ret;

    spin_lock_irqsave(lock, flags);
    ret = __kfifo_out(fifo, buf, n);
    spin_unlock_irqrestore(lock, flags);
    return ret;
}

int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied)
{
    unsigned int l, off, size, esize = fifo->esize;
    unsigned long ret;
    int err = 0;

    if (esize != 1)
        len /= esize;
    l = kfifo_unused(fifo);
    if (len > l)
        len = l;
    size = (fifo->mask + 1) * esize;
    off = (fifo->in & fifo->mask) * esize;
    l = min((unsigned int)len * esize, size - off);
    ret = copy_from_user(fifo->data + off, from, l);
    if (!ret)
        ret = copy_from_user(fifo->data, from + l, len * esize - l);
    if (ret) {
        err = -EFAULT;
        len = 0;
    }
    smp_wmb();
    fifo->in += len;
    *copied = len * esize;
    return err;
}

int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied)
{
    unsigned int l, off, size, esize = fifo->esize;
    unsigned long ret;
    int err = 0;

    if (esize != 1)
        len /= esize;
    l = fifo->in - fifo->out;
    if (len > l)
        len = l;
    size = (fifo->mask + 1) * esize;
    off = (fifo->out & fifo->mask) * esize;
    l = min((unsigned int)len * esize, size - off);
    ret = copy_to_user(to, fifo->data + off, l);
    if (!ret)
        ret = copy_to_user(to + l, fifo->data, len * esize - l);
    if (ret) {
        err = -EFAULT;
        len = 0;
    }
    smp_wmb();
    fifo->out += len;
    *copied = len * esize;
    return err;
}
