/*
 * spinlab's model of <linux/signal_types.h>: the signal sets a task carries. The model has no
 * signals (docs/kernel.md): nothing is ever pending, so code that tests
 * current->pending.signal against current->blocked (as older tutorials do instead of
 * signal_pending()) finds no signal, as signal_pending() says.
 */
#ifndef _SPINLAB_LINUX_SIGNAL_TYPES_H
#define _SPINLAB_LINUX_SIGNAL_TYPES_H

#include <linux/list.h>

#define _NSIG 64
#define _NSIG_BPW 64
#define _NSIG_WORDS (_NSIG / _NSIG_BPW)

typedef struct {
    unsigned long sig[_NSIG_WORDS];
} sigset_t;

struct sigpending {
    struct list_head list;
    sigset_t signal;
};

#endif
