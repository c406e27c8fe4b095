// expect: 14:5: error: static assertion failed: "BUILD_BUG_ON failed: sizeof(struct regs) != 8"
#include <linux/kernel.h>

struct regs {
    unsigned int ctrl;
    unsigned int status;
    unsigned int extra;     /* added later: the layout check below catches it */
};

static void check_layout(void)
{
    BUILD_BUG_ON(sizeof(unsigned int) != 4);    /* holds: nothing happens */
    static_assert(sizeof(struct regs) % 4 == 0);
    BUILD_BUG_ON(sizeof(struct regs) != 8);
}

int main(void)
{
    check_layout();
    return 0;
}
