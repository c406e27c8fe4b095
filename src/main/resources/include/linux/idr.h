/*
 * spinlab's model of <linux/idr.h> (implementation in lib/idr.c): ID allocators. An IDR maps
 * small integer IDs to pointers (the caller serializes changes, as with the kernel's IDR); an
 * IDA hands out IDs without pointers and locks itself. Both keep a growable array, lowest
 * free ID first, as the kernel's radix-tree ones allocate.
 */
#ifndef _SPINLAB_LINUX_IDR_H
#define _SPINLAB_LINUX_IDR_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/spinlock.h>

struct idr {
    void **slots;        /* slots[id - idr_base] */
    unsigned int size;   /* slots allocated */
    unsigned int idr_base;
    unsigned int idr_next;
};

#define IDR_INIT_BASE(name, base) { .slots = NULL, .size = 0, .idr_base = (base), .idr_next = 0 }
#define IDR_INIT(name) IDR_INIT_BASE(name, 0)
#define DEFINE_IDR(name) struct idr name = IDR_INIT(name)

static inline void idr_init_base(struct idr *idr, int base)
{
    idr->slots = NULL;
    idr->size = 0;
    idr->idr_base = base;
    idr->idr_next = 0;
}

#define idr_init(idr) idr_init_base((idr), 0)

int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp);
void *idr_find(const struct idr *idr, unsigned long id);
void *idr_remove(struct idr *idr, unsigned long id);
void *idr_replace(struct idr *idr, void *ptr, unsigned long id);
void *idr_get_next(struct idr *idr, int *nextid);
void idr_destroy(struct idr *idr);
int idr_for_each(const struct idr *idr, int (*fn)(int id, void *p, void *data), void *data);
bool idr_is_empty(const struct idr *idr);
#define idr_preload(gfp) do { } while (0)
#define idr_preload_end() do { } while (0)

#define idr_for_each_entry(idr, entry, id) \
    for (id = 0; ((entry) = idr_get_next((idr), &(id))) != NULL; id += 1U)

struct ida {
    unsigned long *bits;
    unsigned int nbits;
    spinlock_t lock;
};

#define IDA_INIT(name) { .bits = NULL, .nbits = 0, .lock = __SPIN_LOCK_UNLOCKED(name.lock) }
#define DEFINE_IDA(name) struct ida name = IDA_INIT(name)

void ida_init(struct ida *ida);
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp);
void ida_free(struct ida *ida, unsigned int id);
void ida_destroy(struct ida *ida);
bool ida_is_empty(struct ida *ida);

static inline int ida_alloc(struct ida *ida, gfp_t gfp)
{
    return ida_alloc_range(ida, 0, ~0U >> 1, gfp);
}

static inline int ida_alloc_min(struct ida *ida, unsigned int min, gfp_t gfp)
{
    return ida_alloc_range(ida, min, ~0U >> 1, gfp);
}

static inline int ida_alloc_max(struct ida *ida, unsigned int max, gfp_t gfp)
{
    return ida_alloc_range(ida, 0, max, gfp);
}

/* the pre-5.x names: end is exclusive, 0 for no limit */
#define ida_simple_get(ida, start, end, gfp) \
    ida_alloc_range((ida), (start), (end) ? (end) - 1 : ~0U >> 1, (gfp))
#define ida_simple_remove(ida, id) ida_free((ida), (id))

#endif
