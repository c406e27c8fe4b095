/*
 * spinlab's model of lib/idr.c: IDR and IDA over growable arrays (the kernel's use a radix
 * tree / XArray; the IDs handed out are the same: the lowest free one in the range).
 */
#include <linux/kernel.h>
#include <linux/idr.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/bitops.h>

#define IDR_MAX_ID 0x7fffffff

static int idr_grow(struct idr *idr, unsigned int need, gfp_t gfp)
{
    unsigned int n = idr->size ? idr->size : 16;
    void **s;

    while (n < need)
        n *= 2;
    if (n <= idr->size)
        return 0;
    s = kzalloc(n * sizeof(void *), gfp);
    if (!s)
        return -ENOMEM;
    if (idr->slots) {
        memcpy(s, idr->slots, idr->size * sizeof(void *));
        kfree(idr->slots);
    }
    idr->slots = s;
    idr->size = n;
    return 0;
}

/* The lowest free ID in [start, end) (end <= 0: no limit); -ENOSPC when none, -EINVAL for a bad range. */
static int idr_alloc_from(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
    unsigned int base = idr->idr_base;
    unsigned int limit = end > 0 ? (unsigned int)end : IDR_MAX_ID + 1U;
    unsigned int id;

    if (start < 0 || WARN_ON_ONCE(!ptr))
        return -EINVAL;
    if ((unsigned int)start < base)
        start = base;
    for (id = start; id < limit; id++) {
        unsigned int i = id - base;

        if (i >= idr->size || !idr->slots[i]) {
            if (idr_grow(idr, i + 1, gfp))
                return -ENOMEM;
            idr->slots[i] = ptr;
            return id;
        }
    }
    return -ENOSPC;
}

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
    return idr_alloc_from(idr, ptr, start, end, gfp);
}

int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
    int id = idr_alloc_from(idr, ptr, max_t(int, start, idr->idr_next), end, gfp);

    if (id == -ENOSPC)
        id = idr_alloc_from(idr, ptr, start, end, gfp);
    if (id >= 0)
        idr->idr_next = id + 1U;
    return id;
}

void *idr_find(const struct idr *idr, unsigned long id)
{
    if (id < idr->idr_base || id - idr->idr_base >= idr->size)
        return NULL;
    return idr->slots[id - idr->idr_base];
}

void *idr_remove(struct idr *idr, unsigned long id)
{
    void *p = idr_find(idr, id);

    if (p)
        idr->slots[id - idr->idr_base] = NULL;
    return p;
}

void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
    void *old = idr_find(idr, id);

    if (!old)
        return ERR_PTR(-ENOENT);
    idr->slots[id - idr->idr_base] = ptr;
    return old;
}

void *idr_get_next(struct idr *idr, int *nextid)
{
    unsigned int i = *nextid > (int)idr->idr_base ? *nextid - idr->idr_base : 0;

    for (; i < idr->size; i++) {
        if (idr->slots[i]) {
            *nextid = i + idr->idr_base;
            return idr->slots[i];
        }
    }
    return NULL;
}

int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data)
{
    unsigned int i;

    for (i = 0; i < idr->size; i++) {
        if (idr->slots[i]) {
            int ret = fn(i + idr->idr_base, idr->slots[i], data);

            if (ret)
                return ret;
        }
    }
    return 0;
}

bool idr_is_empty(const struct idr *idr)
{
    unsigned int i;

    for (i = 0; i < idr->size; i++)
        if (idr->slots[i])
            return false;
    return true;
}

void idr_destroy(struct idr *idr)
{
    kfree(idr->slots);
    idr->slots = NULL;
    idr->size = 0;
}

void ida_init(struct ida *ida)
{
    ida->bits = NULL;
    ida->nbits = 0;
    spin_lock_init(&ida->lock);
}

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
    unsigned long flags;
    unsigned int id;

    if ((int)min < 0 || min > max)
        return -EINVAL;
    if ((int)max < 0)
        max = IDR_MAX_ID;
    spin_lock_irqsave(&ida->lock, flags);
    for (id = min; id <= max; id++) {
        if (id >= ida->nbits) {
            unsigned int n = ida->nbits ? ida->nbits : 64;
            unsigned long *b;

            while (n <= id)
                n *= 2;
            spin_unlock_irqrestore(&ida->lock, flags);
            b = kzalloc(n / 8, gfp);
            if (!b)
                return -ENOMEM;
            spin_lock_irqsave(&ida->lock, flags);
            if (n > ida->nbits) {
                if (ida->bits)
                    memcpy(b, ida->bits, ida->nbits / 8);
                kfree(ida->bits);
                ida->bits = b;
                ida->nbits = n;
            } else {
                kfree(b);
            }
        }
        if (!test_bit(id, ida->bits)) {
            __set_bit(id, ida->bits);
            spin_unlock_irqrestore(&ida->lock, flags);
            return id;
        }
    }
    spin_unlock_irqrestore(&ida->lock, flags);
    return -ENOSPC;
}

void ida_free(struct ida *ida, unsigned int id)
{
    unsigned long flags;

    spin_lock_irqsave(&ida->lock, flags);
    if (id >= ida->nbits || !test_bit(id, ida->bits)) {
        spin_unlock_irqrestore(&ida->lock, flags);
        WARN(1, "ida_free called for id=%d which is not allocated.\n", id);
        return;
    }
    __clear_bit(id, ida->bits);
    spin_unlock_irqrestore(&ida->lock, flags);
}

bool ida_is_empty(struct ida *ida)
{
    unsigned int i;

    for (i = 0; i < ida->nbits; i++)
        if (test_bit(i, ida->bits))
            return false;
    return true;
}

void ida_destroy(struct ida *ida)
{
    unsigned long flags;

    spin_lock_irqsave(&ida->lock, flags);
    kfree(ida->bits);
    ida->bits = NULL;
    ida->nbits = 0;
    spin_unlock_irqrestore(&ida->lock, flags);
}
