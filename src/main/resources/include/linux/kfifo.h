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
 *    elements (kfifo_in() takes any element type);
 *  - the record size (0, or the 1 or 2 bytes of a record FIFO's length header) is the type's,
 *    as in the kernel, but read from a `rectype` member pointing to an array of recsize + 1
 *    chars (the kernel's array has recsize chars: the model's C has no zero-length arrays).
 * Record FIFOs (STRUCT_KFIFO_REC_1/2, struct kfifo_rec_ptr_1/2) keep variable-length records
 * of bytes, each after its length (lib/kfifo.c's __kfifo_*_r): kfifo_in/out/out_peek/skip,
 * kfifo_peek_len, kfifo_avail, kfifo_from_user/to_user and the _spinlocked forms take whole
 * records there.
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

#define __STRUCT_KFIFO_R(datatype, size, recsize) \
    struct { struct __kfifo kfifo; datatype *type; char (*rectype)[(recsize) + 1]; \
             datatype buf[((size) < 2) || ((size) & ((size) - 1)) ? -1 : (size)]; }
#define __STRUCT_KFIFO_PTR_R(datatype, recsize) \
    struct { struct __kfifo kfifo; datatype *type; char (*rectype)[(recsize) + 1]; }
#define __STRUCT_KFIFO(datatype, size) __STRUCT_KFIFO_R(datatype, size, 0)
#define __STRUCT_KFIFO_PTR(datatype) __STRUCT_KFIFO_PTR_R(datatype, 0)

/* the byte FIFO of kfifo_alloc() users */
struct kfifo {
    struct __kfifo kfifo;
    unsigned char *type;
    char (*rectype)[1];
};

/* record FIFOs of bytes with a 1-byte (records up to 255 bytes) or 2-byte length header */
struct kfifo_rec_ptr_1 {
    struct __kfifo kfifo;
    unsigned char *type;
    char (*rectype)[2];
};

struct kfifo_rec_ptr_2 {
    struct __kfifo kfifo;
    unsigned char *type;
    char (*rectype)[3];
};

#define STRUCT_KFIFO(datatype, size) __STRUCT_KFIFO(datatype, size)
#define STRUCT_KFIFO_PTR(datatype) __STRUCT_KFIFO_PTR(datatype)
#define STRUCT_KFIFO_REC_1(size) __STRUCT_KFIFO_R(unsigned char, size, 1)
#define STRUCT_KFIFO_REC_2(size) __STRUCT_KFIFO_R(unsigned char, size, 2)

/* the record size of a FIFO's type: 0 for element FIFOs */
#define __kfifo_recsize(fifo) (sizeof(*(fifo)->rectype) - 1)
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
unsigned int __kfifo_in_spinlocked(struct __kfifo *fifo, const void *buf, unsigned int n, spinlock_t *lock,
                                   size_t recsize);
unsigned int __kfifo_out_spinlocked(struct __kfifo *fifo, void *buf, unsigned int n, spinlock_t *lock,
                                    size_t recsize);
unsigned int __kfifo_skip(struct __kfifo *fifo);

/* the record FIFOs' side (lib/kfifo.c) */
unsigned int __kfifo_in_r(struct __kfifo *fifo, const void *buf, unsigned int len, size_t recsize);
unsigned int __kfifo_out_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize);
unsigned int __kfifo_out_peek_r(struct __kfifo *fifo, void *buf, unsigned int len, size_t recsize);
unsigned int __kfifo_len_r(struct __kfifo *fifo, size_t recsize);
unsigned int __kfifo_skip_r(struct __kfifo *fifo, size_t recsize);
int __kfifo_from_user_r(struct __kfifo *fifo, const void __user *from, unsigned long len, unsigned int *copied,
                        size_t recsize);
int __kfifo_to_user_r(struct __kfifo *fifo, void __user *to, unsigned long len, unsigned int *copied,
                      size_t recsize);

/* the longest record a length header of recsize bytes can carry, or len if shorter */
static inline unsigned int __kfifo_max_r(unsigned int len, size_t recsize)
{
    unsigned int max = (1 << (recsize << 3)) - 1;

    if (len > max)
        return max;
    return len;
}

/* kfifo_avail() of a record FIFO: the longest record that still fits */
static inline unsigned int __kfifo_avail(unsigned int avail, size_t recsize)
{
    if (!recsize)
        return avail;
    return avail <= recsize ? 0 : __kfifo_max_r(avail - recsize, recsize);
}

#define kfifo_initialized(fifo) ((fifo)->kfifo.mask != 0)
#define kfifo_esize(fifo) ((fifo)->kfifo.esize)
#define kfifo_size(fifo) ((fifo)->kfifo.mask + 1)
#define kfifo_reset(fifo) do { (fifo)->kfifo.in = (fifo)->kfifo.out = 0; } while (0)
#define kfifo_reset_out(fifo) do { (fifo)->kfifo.out = (fifo)->kfifo.in; } while (0)
#define kfifo_len(fifo) ((fifo)->kfifo.in - (fifo)->kfifo.out)
#define kfifo_is_empty(fifo) ((fifo)->kfifo.in == (fifo)->kfifo.out)
#define kfifo_is_full(fifo) (kfifo_len(fifo) > (fifo)->kfifo.mask)
#define kfifo_avail(fifo) __kfifo_avail(kfifo_size(fifo) - kfifo_len(fifo), __kfifo_recsize(fifo))
#define kfifo_skip(fifo) \
    (__kfifo_recsize(fifo) ? __kfifo_skip_r(&(fifo)->kfifo, __kfifo_recsize(fifo)) : __kfifo_skip(&(fifo)->kfifo))
/* the size of the next record (a record FIFO), or the number of elements in the FIFO */
#define kfifo_peek_len(fifo) \
    (__kfifo_recsize(fifo) ? __kfifo_len_r(&(fifo)->kfifo, __kfifo_recsize(fifo)) : kfifo_len(fifo))

#define kfifo_alloc(fifo, size, gfp_mask) \
    __kfifo_alloc(&(fifo)->kfifo, (size), sizeof(*(fifo)->type), (gfp_mask))
#define kfifo_free(fifo) __kfifo_free(&(fifo)->kfifo)
#define kfifo_init(fifo, buffer, size) \
    __kfifo_init(&(fifo)->kfifo, (buffer), (size), sizeof(*(fifo)->type))

/* one element in (0 if full) / out (0 if empty) */
#define kfifo_put(fifo, val) __kfifo_put_val(&(fifo)->kfifo, (u64)(__typeof__(*(fifo)->type))(val))
#define kfifo_get(fifo, val) __kfifo_out(&(fifo)->kfifo, (val), 1)
#define kfifo_peek(fifo, val) __kfifo_out_peek(&(fifo)->kfifo, (val), 1)

/*
 * n elements: as many as fit (in) or as are there (out); the number moved. A record FIFO moves
 * one record: in, all of it or nothing (0 when it does not fit); out, the next record, cut to n
 * bytes (the rest of it is dropped; out_peek leaves it in place).
 */
#define kfifo_in(fifo, buf, n) \
    (__kfifo_recsize(fifo) ? __kfifo_in_r(&(fifo)->kfifo, (buf), (n), __kfifo_recsize(fifo)) \
                           : __kfifo_in(&(fifo)->kfifo, (buf), (n)))
#define kfifo_out(fifo, buf, n) \
    (__kfifo_recsize(fifo) ? __kfifo_out_r(&(fifo)->kfifo, (buf), (n), __kfifo_recsize(fifo)) \
                           : __kfifo_out(&(fifo)->kfifo, (buf), (n)))
#define kfifo_out_peek(fifo, buf, n) \
    (__kfifo_recsize(fifo) ? __kfifo_out_peek_r(&(fifo)->kfifo, (buf), (n), __kfifo_recsize(fifo)) \
                           : __kfifo_out_peek(&(fifo)->kfifo, (buf), (n)))
#define kfifo_in_spinlocked(fifo, buf, n, lock) \
    __kfifo_in_spinlocked(&(fifo)->kfifo, (buf), (n), (lock), __kfifo_recsize(fifo))
#define kfifo_in_locked(fifo, buf, n, lock) kfifo_in_spinlocked(fifo, buf, n, lock)
#define kfifo_out_spinlocked(fifo, buf, n, lock) \
    __kfifo_out_spinlocked(&(fifo)->kfifo, (buf), (n), (lock), __kfifo_recsize(fifo))
#define kfifo_out_locked(fifo, buf, n, lock) kfifo_out_spinlocked(fifo, buf, n, lock)

/* to and from user space: 0 or -EFAULT, *copied bytes moved (a record FIFO: one record) */
#define kfifo_from_user(fifo, from, len, copied) \
    (__kfifo_recsize(fifo) ? __kfifo_from_user_r(&(fifo)->kfifo, (from), (len), (copied), __kfifo_recsize(fifo)) \
                           : __kfifo_from_user(&(fifo)->kfifo, (from), (len), (copied)))
#define kfifo_to_user(fifo, to, len, copied) \
    (__kfifo_recsize(fifo) ? __kfifo_to_user_r(&(fifo)->kfifo, (to), (len), (copied), __kfifo_recsize(fifo)) \
                           : __kfifo_to_user(&(fifo)->kfifo, (to), (len), (copied)))

#endif
