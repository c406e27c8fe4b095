/**
 * The model checker: explicit-state search over a {@link dev.spinlab.check.Model} (breadth-first,
 * parallel, deterministic), the visited-state store, bounds, and shortest traces to violations.
 * The kernel-specific model and properties build on it. Must not touch: the machine or the kernel
 * directly (it sees them only through a Model), and it never steers a run.
 */
package dev.spinlab.check;
