/**
 * The model checker: explicit-state search over a {@link dev.spinlab.check.Model} (breadth-first,
 * parallel and deterministic, with sleep sets, or depth-first), the visited-state store, bounds,
 * and traces to violations; the booted kernel as a model ({@code KernelModel}, stepping through
 * the kernel's one transition function; the choices a state offers in {@code KernelEvents}, the
 * deadlock property in {@code DeadlockReport}, where the search starts in {@code BootSettle},
 * a trace's text in {@code ChoiceText}), transition footprints ({@code Footprint}), the
 * reductions built on them ({@code Reductions}: {@code InterleavingReduction}, whose local
 * futures {@code LocalFutureMemo} remembers, {@code InterruptsReduction}, user steps in
 * {@code KernelModel}) and the data-race monitor
 * ({@code RaceMonitor}). It moves the machine only through {@code kernel.Transition}, as run and
 * replay do, and observes it through {@code AccessObserver}; it must not change the kernel's code
 * or reach into cli or report.
 */
package dev.spinlab.check;
