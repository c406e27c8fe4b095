#include <stdio.h>
#include "seed_driver_sim.h"

static int major = 250;
static int minor = 0;
static dev_t devno;
static spinlock_t lock;
static int flage = 1;
static const struct file_operations *registered;

#define DEAD 1

static int hello_open(struct inode *inode, struct file *filep)
{
    spin_lock(&lock);
    if (flage != 1) {
        spin_unlock(&lock);
        return -EBUSY;
    }
    flage = 0;
#if DEAD
#elif
    spin_unlock(&lock);
#endif
    return 0;
}

static int hello_release(struct inode *inode, struct file *filep)
{
    flage = 1;
#if DEAD
    spin_unlock(&lock);
#endif
    return 0;
}

static struct file_operations hello_ops = {
    .open = hello_open,
    .release = hello_release,
};

static int register_chrdev(int maj, const char *name, const struct file_operations *fops)
{
    printk("register_chrdev(%d, \"%s\")\n", maj, name);
    registered = fops;
    return 0;
}

static int hello_init(void)
{
    int result;
    printk("hello_init \n");
    result = register_chrdev(major, "hello", &hello_ops);
    if (result < 0) {
        printk("register_chrdev fail \n");
        return result;
    }
    devno = MKDEV(major, minor);
    spin_lock_init(&lock);
    return 0;
}

static void show_lock(const char *what)
{
    printf("%-22s slock=%#010x owner=%u next=%u flage=%d\n", what, lock.slock, lock.tickets.owner, lock.tickets.next, flage);
}

int main(void)
{
    struct inode ino;
    struct file f1, f2;
    printf("init -> %d\n", hello_init());
    ino.i_rdev = devno;
    printf("devno %#x major %u minor %u\n", devno, MAJOR(devno), MINOR(devno));
    printf("IS_ERR(&ino) %d IS_ERR((void*)-16) %d\n", IS_ERR(&ino), IS_ERR((void *)-16L));
    show_lock("after init");
    printf("open #1 -> %d\n", registered->open(&ino, &f1));
    show_lock("held by #1");
    printf("open #2 -> %d\n", registered->open(&ino, &f2));
    show_lock("#2 bounced (-EBUSY)");
    printf("release #1 -> %d\n", registered->release(&ino, &f1));
    show_lock("released");
    printf("open #2 again -> %d\n", registered->open(&ino, &f2));
    registered->release(&ino, &f2);
    show_lock("final");
    return 0;
}
