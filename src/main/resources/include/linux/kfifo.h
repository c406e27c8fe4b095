/*
 * spinlab's model of <linux/kfifo.h> (lib/kfifo.c): the kernel's lock-free single-reader
 * single-writer FIFO of fixed-size elements, with the kernel's in/out counters (free-running
 * unsigned ints, masked by a power-of-two size) and barriers. The macro names and arguments
 * are the kernel's; the implementation differs inside:
 *  - a kfifo is a struct whose member `kfifo` is the struct __kfifo state, a `type` member
 *    gives the element type to typeof, and a `buf` array holds the elements of a
 *    DECLARE_KFIFO (no anonymous unions);
 *  - the macros that compute a value call functions instead of statement expressions;
 *  - kfifo_put() converts its value through an integer, so it takes integer and pointer
 *    elements (kfifo_in() takes any element type); record FIFOs (STRUCT_KFIFO_REC_1/2) are not
 *    modelled.
 */
#ifndef _SPINLAB_LINUX_KFIFO_H
#define _SPINLAB_LINUX_KFIFO_H

#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>
#include <linux/compiler.h>

struct __kfifo {
    unsigned int in;
    unsigned int out;
    unsigned int mask;
    unsigned int esize;
    void *data;
};

#define __STRUCT_KFIFO(datatype, size) \
    struct { struct __kfifo kfifo; datatype *type; datatype buf[((size) < 2) || ((size) & ((size) - 1)) ? -1 : (size)]; }
#define __STRUCT_KFIFO_PTR(datatype) \
    struct { struct __kfifo kfifo; datatype *type; }

/* the byte FIFO of kfifo_alloc() users */
struct kfifo {
    struct __kfifo kfifo;
    unsigned char *type;
};

#define STRUCT_KFIFO(datatype, size) __STRUCT_KFIFO(datatype, size)
#define STRUCT_KFIFO_PTR(datatype) __STRUCT_KFIFO_PTR(datatype)
#define DECLARE_KFIFO_PTR(fifo, datatype) STRUCT_KFIFO_PTR(datatype) fifo
#define DECLARE_KFIFO(fifo, datatype, size) STRUCT_KFIFO(datatype, size) fifo

#define INIT_KFIFO(fifo) do {                                           \
        (fifo).kfifo.in = 0;                                            \
        (fifo).kfifo.out = 0;                                           \
        (fifo).kfifo.mask = ARRAY_SIZE((fifo).buf) - 1;                 \
        (fifo).kfifo.esize = sizeof(*(fifo).buf);                       \
        (fifo).kfifo.data = (fifo).buf;                                 \
    } while (0)

#define DEFINE_KFIFO(fifo, datatype, size)                              \
    DECLARE_KFIFO(fifo, datatype, size) = { .kfifo = { .in = 0, .out = 0, \
        .mask = (size) - 1, .esize = sizeof(datatype), .data = (fifo).buf } }

unsigned int __kfifo_in(struct __kfifo *fifo, const void *buf, unsigned int len);
unsigned int __kfifo_out(struct __kfifo *fifo, void *buf, unsigned int len);
unsigned int __kfifo_out_peek(struct __kfifo *fifo, void *buf, unsigned int len);
int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, gfp_t gfp_mask);
void __kfifo_free(struct __kfifo *fifo);
int __kfifo_init(struct __kfifo *fifo, void *buffer, unsigned int size, size_t esize);
int __kfifo_from_user(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied);
int __kfifo_to_user(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied);
unsigned int __kfifo_put_val(struct __kfifo *fifo, u64 val);
unsigned int __kfifo_in_spinlocked(struct __kfifo *fifo, const void *buf, unsigned int n, spinlock_t *lock);
unsigned int __kfifo_out_spinlocked(struct __kfifo *fifo, void *buf, unsigned int n, spinlock_t *lock);
unsigned int __kfifo_skip(struct __kfifo *fifo);

#define kfifo_initialized(fifo) ((fifo)->kfifo.mask != 0)
#define kfifo_esize(fifo) ((fifo)->kfifo.esize)
#define kfifo_size(fifo) ((fifo)->kfifo.mask + 1)
#define kfifo_reset(fifo) do { (fifo)->kfifo.in = (fifo)->kfifo.out = 0; } while (0)
#define kfifo_reset_out(fifo) do { (fifo)->kfifo.out = (fifo)->kfifo.in; } while (0)
#define kfifo_len(fifo) ((fifo)->kfifo.in - (fifo)->kfifo.out)
#define kfifo_is_empty(fifo) ((fifo)->kfifo.in == (fifo)->kfifo.out)
#define kfifo_is_full(fifo) (kfifo_len(fifo) > (fifo)->kfifo.mask)
#define kfifo_avail(fifo) (kfifo_size(fifo) - kfifo_len(fifo))
#define kfifo_skip(fifo) __kfifo_skip(&(fifo)->kfifo)

#define kfifo_alloc(fifo, size, gfp_mask) \
    __kfifo_alloc(&(fifo)->kfifo, (size), sizeof(*(fifo)->type), (gfp_mask))
#define kfifo_free(fifo) __kfifo_free(&(fifo)->kfifo)
#define kfifo_init(fifo, buffer, size) \
    __kfifo_init(&(fifo)->kfifo, (buffer), (size), sizeof(*(fifo)->type))

/* one element in (0 if full) / out (0 if empty) */
#define kfifo_put(fifo, val) __kfifo_put_val(&(fifo)->kfifo, (u64)(__typeof__(*(fifo)->type))(val))
#define kfifo_get(fifo, val) __kfifo_out(&(fifo)->kfifo, (val), 1)
#define kfifo_peek(fifo, val) __kfifo_out_peek(&(fifo)->kfifo, (val), 1)

/* n elements: as many as fit (in) or as are there (out); the number moved */
#define kfifo_in(fifo, buf, n) __kfifo_in(&(fifo)->kfifo, (buf), (n))
#define kfifo_out(fifo, buf, n) __kfifo_out(&(fifo)->kfifo, (buf), (n))
#define kfifo_out_peek(fifo, buf, n) __kfifo_out_peek(&(fifo)->kfifo, (buf), (n))
#define kfifo_in_spinlocked(fifo, buf, n, lock) __kfifo_in_spinlocked(&(fifo)->kfifo, (buf), (n), (lock))
#define kfifo_in_locked(fifo, buf, n, lock) kfifo_in_spinlocked(fifo, buf, n, lock)
#define kfifo_out_spinlocked(fifo, buf, n, lock) __kfifo_out_spinlocked(&(fifo)->kfifo, (buf), (n), (lock))
#define kfifo_out_locked(fifo, buf, n, lock) kfifo_out_spinlocked(fifo, buf, n, lock)

/* to and from user space: 0 or -EFAULT, *copied bytes moved */
#define kfifo_from_user(fifo, from, len, copied) __kfifo_from_user(&(fifo)->kfifo, (from), (len), (copied))
#define kfifo_to_user(fifo, to, len, copied) __kfifo_to_user(&(fifo)->kfifo, (to), (len), (copied))

#endif
