/**
 * The model checker: explicit-state search over a {@link dev.spinlab.check.Model} (breadth-first,
 * parallel and deterministic, with sleep sets, or depth-first), the visited-state store, bounds,
 * and traces to violations; the booted kernel as a model ({@code KernelModel}: choices, time abstraction,
 * deadlock), transition footprints ({@code Footprint}), the reductions built on them
 * ({@code InterleavingReduction}, interrupts and user steps in {@code KernelModel}) and the
 * data-race monitor ({@code RaceMonitor}). It drives the machine only through the kernel's
 * interpreter, as run does, and observes it through {@code AccessObserver}; it must not change
 * the kernel's code or reach into cli or report.
 */
package dev.spinlab.check;
