// expect: 9:12: error: negative width in bit-field '<anonymous>' (BUILD_BUG_ON_ZERO of a true condition)
#include <linux/kernel.h>

#define CHECKED_SIZE(n) ((n) + BUILD_BUG_ON_ZERO((n) > 16))

int main(void)
{
    int ok = CHECKED_SIZE(8);
    return CHECKED_SIZE(32) + ok;
}
