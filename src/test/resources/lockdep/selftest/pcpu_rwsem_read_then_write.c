/* percpu_down_write() under the read side of its class: the writer would wait for its own reader */
#include "selftest.h"

static void scenario(void)
{
    PRL(X1);
    PWL(X2);
    PWU(X2);
    PRU(X1);
}

module_init(selftest_init);
