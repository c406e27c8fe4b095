/* spinlab's model of <linux/signal.h>: signal numbers and sets; the model sends no signals. */
#ifndef _SPINLAB_LINUX_SIGNAL_H
#define _SPINLAB_LINUX_SIGNAL_H

#include <linux/signal_types.h>

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGKILL 9
#define SIGUSR1 10
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGIO 29
#define SIGPOLL SIGIO

static inline int sigismember(sigset_t *set, int sig)
{
    sig--;
    return 1 & (set->sig[sig / _NSIG_BPW] >> (sig % _NSIG_BPW));
}

static inline void sigaddset(sigset_t *set, int sig)
{
    sig--;
    set->sig[sig / _NSIG_BPW] |= 1UL << (sig % _NSIG_BPW);
}

static inline void sigdelset(sigset_t *set, int sig)
{
    sig--;
    set->sig[sig / _NSIG_BPW] &= ~(1UL << (sig % _NSIG_BPW));
}

static inline void sigemptyset(sigset_t *set)
{
    set->sig[0] = 0;
}

#endif
