/**
 * The interpreter: executes IR against a {@link dev.spinlab.machine.MachineState} one visible
 * step at a time, reports faults with the C call stack. Must not touch: scheduling policy
 * (which CPU steps is decided by the caller) and kernel semantics.
 */
package dev.spinlab.kc.interp;
