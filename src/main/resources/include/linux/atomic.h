/* spinlab's model of <linux/atomic.h>: atomic_t operations, each one indivisible in the simulator. */
#ifndef _SPINLAB_LINUX_ATOMIC_H
#define _SPINLAB_LINUX_ATOMIC_H

#include <linux/types.h>

#define ATOMIC_INIT(i) { (i) }

int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
int atomic_add_return(int i, atomic_t *v);
int atomic_sub_return(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
int atomic_dec_return(atomic_t *v);
int atomic_dec_and_test(atomic_t *v);
int atomic_inc_and_test(atomic_t *v);
int atomic_cmpxchg(atomic_t *v, int old, int new_value);
int atomic_xchg(atomic_t *v, int new_value);

#endif
