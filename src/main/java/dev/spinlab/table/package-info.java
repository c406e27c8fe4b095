/**
 * {@code spinlab table}: the kernel's table of minimum locking requirements
 * (Documentation/kernel-hacking/locking.rst), derived by checking a generated two-context
 * driver per cell with each candidate primitive, weakest first ({@link TableRunner},
 * {@link DriverGenerator}), and rendered as text or JSON ({@link TableReport}). Above check
 * and report, below cli. See docs/table.md.
 */
package dev.spinlab.table;
