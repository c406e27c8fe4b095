/* spinlab's model of <linux/stringify.h>. */
#ifndef _SPINLAB_LINUX_STRINGIFY_H
#define _SPINLAB_LINUX_STRINGIFY_H

#define __stringify_1(...) #__VA_ARGS__
#define __stringify(...) __stringify_1(__VA_ARGS__)

#endif
