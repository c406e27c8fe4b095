/**
 * The model kernel as loaded into a machine: boot (kernel C sources from resources linked with
 * the user's modules), user programs linked against the syscall gate, the kernel's intrinsics
 * (preempt_count, irq mask, context switch, printk, dump_stack, WARN) with their declared
 * effects, the one transition function ({@code Transition}, over the sealed {@code Choice}) and
 * the device models behind it, run's seeded policy over it ({@code Simulation}: ticks, device
 * interrupts, the clock), and the findings the kernel reports. Kernel policy lives in the C
 * sources; this package only touches the machine. Must not touch: rendering (report) or the
 * command line (cli).
 */
package dev.spinlab.kernel;
