/*
 * spinlab's model of <linux/irqflags.h> and the ARM arch_local_irq_* primitives: masking
 * interrupts on the current CPU. The flags word is the ARM CPSR image: PSR_I_BIT set means
 * interrupts were disabled.
 */
#ifndef _SPINLAB_LINUX_IRQFLAGS_H
#define _SPINLAB_LINUX_IRQFLAGS_H

#define PSR_I_BIT 0x00000080

/* The machine's irq mask (intrinsics). */
void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
unsigned long arch_local_save_flags(void);
void arch_local_irq_restore(unsigned long flags);

#define arch_irqs_disabled_flags(flags) (((flags) & PSR_I_BIT) != 0)
#define raw_local_irq_disable() arch_local_irq_disable()
#define raw_local_irq_enable() arch_local_irq_enable()
#define raw_local_save_flags(flags) ((flags) = arch_local_save_flags())
#define raw_local_irq_save(flags) do { (flags) = arch_local_save_flags(); arch_local_irq_disable(); } while (0)
#define raw_local_irq_restore(flags) arch_local_irq_restore(flags)
#define local_irq_disable() raw_local_irq_disable()
#define local_irq_enable() raw_local_irq_enable()
#define local_irq_save(flags) raw_local_irq_save(flags)
#define local_irq_restore(flags) raw_local_irq_restore(flags)
#define local_save_flags(flags) raw_local_save_flags(flags)
#define irqs_disabled() arch_irqs_disabled_flags(arch_local_save_flags())

/* guard(irq)(), guard(irqsave)() (6.6's irqflags.h; <linux/cleanup.h>) */
#include <linux/cleanup.h>
DEFINE_LOCK_GUARD_0(irq, local_irq_disable(), local_irq_enable())
DEFINE_LOCK_GUARD_0(irqsave,
                    local_irq_save(_T->flags),
                    local_irq_restore(_T->flags),
                    unsigned long flags)

#endif
