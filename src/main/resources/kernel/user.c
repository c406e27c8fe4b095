/*
 * spinlab's model of kernel/user.c: the initial user namespace, the only one in the model
 * (every task runs as root in it).
 */
#include <linux/cred.h>

struct user_namespace init_user_ns = { .level = 0 };
