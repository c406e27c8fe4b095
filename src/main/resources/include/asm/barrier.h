/*
 * spinlab's model of arch/arm/include/asm/barrier.h over the ACLE exclusive-access and
 * event primitives the ARM lock and atomic code is written with (the machine's intrinsics
 * stand in for ldrex/strex/wfe/sev/dmb/dsb instructions).
 */
#ifndef _SPINLAB_ASM_BARRIER_H
#define _SPINLAB_ASM_BARRIER_H

/* The exclusive-access, event and barrier intrinsics are declared once, in <arm_acle.h>. */
#include <arm_acle.h>

#define smp_mb() __dmb()
#define smp_rmb() __dmb()
#define smp_wmb() __dmb()
#define smp_mb__before_atomic() smp_mb()
#define smp_mb__after_atomic() smp_mb()
#define dsb_sev() do { __dsb(); __sev(); } while (0)

#endif
