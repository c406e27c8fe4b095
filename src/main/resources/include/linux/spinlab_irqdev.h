/*
 * spinlab's model interrupt sources: not a kernel header.
 *
 * A device given to run or check with --irq N[:COUNT] raises line N COUNT times at arbitrary
 * moments, on its own. A doorbell device (spinlab table's generated drivers: docs/table.md)
 * raises nothing until its driver starts it, as a driver starts real hardware by writing its
 * command register (a DMA engine's "go" bit, a NIC's transmit doorbell); from then on it raises
 * its COUNT interrupts at any moments, as the completion interrupts of the work the driver
 * started come at any later moment, until the driver halts it (an interrupt already raised
 * stays pending and is taken). Starting it again, or after a halt, changes nothing.
 */
#ifndef _SPINLAB_LINUX_SPINLAB_IRQDEV_H
#define _SPINLAB_LINUX_SPINLAB_IRQDEV_H

/* Commands for a doorbell device's command register. */
#define SPINLAB_IRQDEV_GO	1	/* start: raise COUNT interrupts at any moments from now on */
#define SPINLAB_IRQDEV_HALT	2	/* stop: raise no more (one already raised stays pending) */

/* Writes cmd to the command register of the doorbell device on line irq (a machine intrinsic). */
void spinlab_irqdev_ctrl(unsigned int irq, unsigned int cmd);

#endif
