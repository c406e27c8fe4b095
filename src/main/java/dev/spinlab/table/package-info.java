/**
 * {@code spinlab table}: the kernel's table of minimum locking requirements
 * (Documentation/kernel-hacking/locking.rst), derived by checking a generated two-context
 * driver per cell with each candidate primitive, weakest first ({@link TableRunner},
 * {@link DriverGenerator}; a cell that is another with the instance letters renamed takes that
 * one's check, {@link Cell#representative}), and rendered as text or JSON ({@link TableReport});
 * under {@code --preempt rt} the same drivers on the model's PREEMPT_RT kernel. Above check
 * and report, below cli. See docs/table.md.
 */
package dev.spinlab.table;
