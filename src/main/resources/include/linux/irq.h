/*
 * spinlab's model of <linux/irq.h>: the kernel's header for interrupt controller code, which
 * drivers also include for the handler types (irqreturn_t, request_irq) it pulls in and for the
 * line trigger types. The model's controller has no per-line chip (struct irq_chip, irq_data and
 * irq_set_irq_type() are not modelled: the machine's lines have no trigger to configure), so
 * what this header gives is what include/linux/irq.h brings a driver: <linux/interrupt.h>'s
 * handlers and the IRQ_TYPE_* values.
 */
#ifndef _SPINLAB_LINUX_IRQ_H
#define _SPINLAB_LINUX_IRQ_H

#include <linux/interrupt.h>
#include <linux/hardirq.h>
#include <linux/spinlock.h>
#include <linux/slab.h>
#include <linux/io.h>

/* the sense of a line, as include/linux/irq.h numbers it (IRQF_TRIGGER_* are the same bits) */
#define IRQ_TYPE_NONE 0x00000000
#define IRQ_TYPE_EDGE_RISING 0x00000001
#define IRQ_TYPE_EDGE_FALLING 0x00000002
#define IRQ_TYPE_EDGE_BOTH (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_EDGE_RISING)
#define IRQ_TYPE_LEVEL_HIGH 0x00000004
#define IRQ_TYPE_LEVEL_LOW 0x00000008
#define IRQ_TYPE_LEVEL_MASK (IRQ_TYPE_LEVEL_LOW | IRQ_TYPE_LEVEL_HIGH)
#define IRQ_TYPE_SENSE_MASK 0x0000000f
#define IRQ_TYPE_DEFAULT IRQ_TYPE_SENSE_MASK
#define IRQ_TYPE_PROBE 0x00000010

#endif
