/* spinlab's model of <linux/static_key.h>: static keys are in <linux/jump_label.h>. */
#include <linux/jump_label.h>
