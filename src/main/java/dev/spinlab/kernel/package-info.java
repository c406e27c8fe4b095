/**
 * The model kernel as loaded into a machine: boot (kernel C sources from resources linked with
 * the user's modules), user programs linked against the syscall gate, the kernel's intrinsics
 * (preempt_count, irq mask, context switch, printk, dump_stack, WARN), the run loop with ticks
 * and device interrupts, and the findings the kernel reports. Kernel policy lives in the C
 * sources; this package only touches the machine. Must not touch: rendering (report) or the
 * command line (cli).
 */
package dev.spinlab.kernel;
