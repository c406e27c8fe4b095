#include "selftest.h"

static DEFINE_SPINLOCK(s1);
static DEFINE_SPINLOCK(s2);

static void scenario(void)
{
    spin_lock(&s1); spin_lock(&s2); spin_unlock(&s2); spin_unlock(&s1);
    spin_lock(&s2); spin_lock(&s1); spin_unlock(&s1); spin_unlock(&s2);
}

module_init(selftest_init);
