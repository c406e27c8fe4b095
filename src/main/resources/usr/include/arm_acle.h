/* spinlab's model of <arm_acle.h>: the ARM C Language Extensions' exclusive-access and hint
 * intrinsics, provided by the simulated CPU (see machine.ArchIntrinsics). */
#ifndef _SPINLAB_ARM_ACLE_H
#define _SPINLAB_ARM_ACLE_H

unsigned int __ldrex(volatile void *p);
int __strex(unsigned int value, volatile void *p);
void __clrex(void);
void __wfe(void);
void __sev(void);
void __dmb(void);
void __dsb(void);

unsigned int __spinlab_xchg32(volatile void *p, unsigned int v);
unsigned long __spinlab_xchg64(volatile void *p, unsigned long v);
unsigned int __spinlab_cmpxchg32(volatile void *p, unsigned int old, unsigned int new_value);
unsigned long __spinlab_cmpxchg64(volatile void *p, unsigned long old, unsigned long new_value);
unsigned int __spinlab_fetch_add32(volatile void *p, unsigned int v);
unsigned long __spinlab_fetch_add64(volatile void *p, unsigned long v);

#endif
