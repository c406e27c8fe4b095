/* spinlab's model of <linux/types.h>: the kernel's fixed-width and special-purpose integer types. */
#ifndef _SPINLAB_LINUX_TYPES_H
#define _SPINLAB_LINUX_TYPES_H

#include <linux/stddef.h>

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;

typedef __s8 s8;
typedef __u8 u8;
typedef __s16 s16;
typedef __u16 u16;
typedef __s32 s32;
typedef __u32 u32;
typedef __s64 s64;
typedef __u64 u64;

/* A user program may also have included <stdbool.h>; define bool only once. */
#ifndef __bool_true_false_are_defined
typedef _Bool bool;
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif

#ifndef _SPINLAB_SIZE_T
#define _SPINLAB_SIZE_T
typedef unsigned long size_t;
#endif
#ifndef _SPINLAB_SSIZE_T
#define _SPINLAB_SSIZE_T
typedef long ssize_t;
#endif

typedef u32 dev_t;
typedef long long loff_t;
typedef unsigned int gfp_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned short umode_t;
typedef unsigned long uintptr_t;
typedef unsigned long phys_addr_t;
typedef unsigned long resource_size_t;
typedef long clock_t;
typedef u64 dma_addr_t;
typedef unsigned int slab_flags_t;
typedef unsigned long ulong;
typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned char u_char;
typedef unsigned int fmode_t;
/* the C99 names, as the kernel's types.h gives them to kernel code */
typedef __u8 uint8_t;
typedef __u16 uint16_t;
typedef __u32 uint32_t;
typedef __u64 uint64_t;
typedef __s8 int8_t;
typedef __s16 int16_t;
typedef __s32 int32_t;
typedef __s64 int64_t;
typedef __u8 u_int8_t;
typedef __u16 u_int16_t;
typedef __u32 u_int32_t;
typedef __u64 u_int64_t;

/* a bit set, as the kernel's types.h declares it (BITS_TO_LONGS is <linux/bitops.h>'s) */
#define DECLARE_BITMAP(name, bits) unsigned long name[BITS_TO_LONGS(bits)]

typedef struct {
    int counter;
} atomic_t;

typedef struct {
    long counter;
} atomic64_t;

#endif
