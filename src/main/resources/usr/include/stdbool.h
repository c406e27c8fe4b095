/* spinlab's model of <stdbool.h> (C11 7.18). */
#ifndef _SPINLAB_STDBOOL_H
#define _SPINLAB_STDBOOL_H

/* <linux/types.h> may already have made bool a typedef; define it only once. */
#ifndef __bool_true_false_are_defined
#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1
#endif

#endif
