#include <stdio.h>
#include <stdint.h>

typedef uint16_t u16;
typedef uint32_t u32;

/* x86-style ticket spinlock: the low half is the owner, the high half the next ticket */
typedef struct arch_spinlock {
    union {
        u32 slock;
        struct __raw_tickets {
            u16 owner;
            u16 next;
        } tickets;
    };
} arch_spinlock_t;

typedef struct { arch_spinlock_t raw_lock; } spinlock_t;

static void spin_lock_init(spinlock_t *l) { l->raw_lock.slock = 0; }

/* take a ticket; returns the ticket number (single-threaded simulation) */
static u16 ticket_take(spinlock_t *l)
{
    u16 me = l->raw_lock.tickets.next;
    l->raw_lock.tickets.next++;
    return me;
}

static int ticket_is_mine(spinlock_t *l, u16 t) { return l->raw_lock.tickets.owner == t; }

static void spin_unlock(spinlock_t *l) { l->raw_lock.tickets.owner++; }

static int spin_is_locked(spinlock_t *l)
{
    struct __raw_tickets t = l->raw_lock.tickets;
    return t.owner != t.next;
}

static void show(const char *what, spinlock_t *l)
{
    printf("%-14s slock=%#010x owner=%u next=%u locked=%d\n", what,
           l->raw_lock.slock, l->raw_lock.tickets.owner, l->raw_lock.tickets.next, spin_is_locked(l));
}

int main(void)
{
    spinlock_t lock;
    spin_lock_init(&lock);
    show("init", &lock);
    u16 a = ticket_take(&lock);
    show("A takes", &lock);
    u16 b = ticket_take(&lock);
    show("B takes", &lock);
    printf("A may run %d, B may run %d\n", ticket_is_mine(&lock, a), ticket_is_mine(&lock, b));
    spin_unlock(&lock);
    show("A unlocks", &lock);
    printf("B may run %d\n", ticket_is_mine(&lock, b));
    spin_unlock(&lock);
    show("B unlocks", &lock);
    /* wraparound of the 16-bit halves */
    lock.raw_lock.slock = 0xfffffffe;
    show("near wrap", &lock);
    ticket_take(&lock);
    show("next wraps", &lock);
    spin_unlock(&lock);
    spin_unlock(&lock);
    show("owner wraps", &lock);
    /* byte view: little-endian */
    lock.raw_lock.slock = 0x00020001;
    unsigned char *bytes = (unsigned char *)&lock.raw_lock.slock;
    printf("bytes %02x %02x %02x %02x sizeof %zu\n", bytes[0], bytes[1], bytes[2], bytes[3], sizeof(arch_spinlock_t));
    return 0;
}
