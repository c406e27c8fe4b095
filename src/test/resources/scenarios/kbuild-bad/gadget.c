#include <linux/module.h>
static int __init gadget_init(void) { return 0; }
module_init(gadget_init);
MODULE_LICENSE("GPL");
