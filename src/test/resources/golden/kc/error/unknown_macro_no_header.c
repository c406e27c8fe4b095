// expect: 6:1: error: unknown macro 'MODULE_SOFTWARE_NODE': defined nowhere, so no header is suggested
#include <linux/module.h>

MODULE_LICENSE("GPL");
MODULE_AUTHOR("spinlab");
MODULE_SOFTWARE_NODE(widget);

int main(void)
{
    return 0;
}
