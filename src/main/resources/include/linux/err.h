/* spinlab's model of <linux/err.h>: error codes encoded in the top page of pointer values. */
#ifndef _SPINLAB_LINUX_ERR_H
#define _SPINLAB_LINUX_ERR_H

#include <linux/types.h>
#include <linux/compiler.h>

#define MAX_ERRNO 4095

/* Macros rather than the kernel's inline functions: the model headers declare no bodies. */
#define IS_ERR_VALUE(x) ((unsigned long)(x) >= (unsigned long)-MAX_ERRNO)
#define ERR_PTR(error) ((void *)(long)(error))
#define PTR_ERR(ptr) ((long)(ptr))
#define IS_ERR(ptr) IS_ERR_VALUE((unsigned long)(ptr))
#define IS_ERR_OR_NULL(ptr) (!(ptr) || IS_ERR_VALUE((unsigned long)(ptr)))
#define ERR_CAST(ptr) ((void *)(ptr))
#define PTR_ERR_OR_ZERO(ptr) (IS_ERR(ptr) ? PTR_ERR(ptr) : 0)

#define IOMEM_ERR_PTR(err) ((void __iomem *)ERR_PTR(err))

#endif
