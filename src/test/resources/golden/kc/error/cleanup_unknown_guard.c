// expect: 9:5: error: unknown type name 'class_spinlock_bh_t' (6.6 has no spinlock_bh guard; gcc says the same, pointing at the guard)
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(lock);
static int count;

int main(void)
{
    guard(spinlock_bh)(&lock);
    return count++;
}
