/*
 * spinlab's model of arch/arm/include/asm/barrier.h plus the ACLE exclusive-access and event
 * primitives the ARM lock and atomic code is written over (the machine's intrinsics stand in
 * for ldrex/strex/wfe/sev/dmb/dsb instructions).
 */
#ifndef _SPINLAB_ASM_BARRIER_H
#define _SPINLAB_ASM_BARRIER_H

unsigned int __ldrex(volatile void *p);
int __strex(unsigned int value, volatile void *p);
void __clrex(void);
void __wfe(void);
void __sev(void);
void __dmb(void);
void __dsb(void);

/* 64-bit read-modify-writes (ARMv7's ldrexd/strexd pairs), each one step of the machine. */
unsigned long __spinlab_xchg64(volatile void *p, unsigned long v);
unsigned long __spinlab_cmpxchg64(volatile void *p, unsigned long old, unsigned long new_value);
unsigned long __spinlab_fetch_add64(volatile void *p, unsigned long v);

#define smp_mb() __dmb()
#define smp_rmb() __dmb()
#define smp_wmb() __dmb()
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define dsb_sev() do { __dsb(); __sev(); } while (0)

#endif
