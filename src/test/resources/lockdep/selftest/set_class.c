#include "selftest.h"

static void scenario(void)
{
    static struct lock_class_key other_key;
    lockdep_set_class(&lock_X2, &other_key);
    L(X1); L(X2); U(X2); U(X1);
}

module_init(selftest_init);
