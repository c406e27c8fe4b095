/**
 * The simulated hardware as one value: CPUs (irq flag, preempt_count slot, wfe event
 * register, exclusive monitor, pending interrupt lines, the stack of contexts each runs),
 * copy-on-write memory (blocks in chunks) with a shadow for fault detection, execution
 * contexts, and the intrinsic interface through which interpreted code reaches primitives.
 *
 * <p>Owns: {@link dev.spinlab.machine.MachineState} and everything it contains, their copy,
 * equality and fingerprint. Must not touch: C (no types, no AST, no IR) and kernel policy
 * (no locks, no scheduler): those are the layers above.
 */
package dev.spinlab.machine;
