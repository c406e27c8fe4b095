/*
 * spinlab's model of drivers/char/random.c: the kernel's random numbers from a deterministic
 * generator (xorshift64*, Vigna 2016), so that runs are reproducible. The state is the
 * kernel's own (its accesses are not watched by check's race monitor).
 */
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/string.h>

static u64 random_state = 0x9e3779b97f4a7c15ULL;

u64 get_random_u64(void)
{
    u64 x = random_state;

    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    random_state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

u32 get_random_u32(void)
{
    return (u32)(get_random_u64() >> 32);
}

void get_random_bytes(void *buf, size_t len)
{
    u8 *p = buf;

    while (len) {
        u64 v = get_random_u64();
        size_t n = len < sizeof(v) ? len : sizeof(v);

        memcpy(p, &v, n);
        p += n;
        len -= n;
    }
}

/* the kernel's __get_random_u32_below: a multiply-shift with rejection, so it is unbiased */
u32 __get_random_u32_below(u32 ceil)
{
    u64 mult = (u64)ceil * get_random_u32();

    if ((u32)mult < ceil) {
        u32 bound = -ceil % ceil;

        while ((u32)mult < bound)
            mult = (u64)ceil * get_random_u32();
    }
    return mult >> 32;
}
