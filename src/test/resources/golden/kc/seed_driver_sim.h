#ifndef SEED_DRIVER_SIM_H
#define SEED_DRIVER_SIM_H
/* user-space stand-ins for the kernel API the seed driver uses */
#include <stdio.h>
#include <stdint.h>

#define EBUSY 16
#define ENOMEM 12
#define MAX_ERRNO 4095
#define MINORBITS 20
#define MKDEV(ma, mi) (((ma) << MINORBITS) | (mi))
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev) ((unsigned int)((dev) & ((1U << MINORBITS) - 1)))
#define IS_ERR_VALUE(x) ((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)
#define printk(fmt, ...) printf("[kernel] " fmt, ##__VA_ARGS__)
#define THIS_MODULE 0

typedef uint32_t dev_t;
typedef struct { union { uint32_t slock; struct { uint16_t owner, next; } tickets; }; } spinlock_t;

struct inode { dev_t i_rdev; };
struct file { int f_flags; };
struct file_operations {
    int (*open)(struct inode *, struct file *);
    int (*release)(struct inode *, struct file *);
};

static inline int IS_ERR(const void *p) { return IS_ERR_VALUE(p); }
static inline void spin_lock_init(spinlock_t *l) { l->slock = 0; }
static inline void spin_lock(spinlock_t *l) { l->tickets.next++; }
static inline void spin_unlock(spinlock_t *l) { l->tickets.owner++; }
#endif
