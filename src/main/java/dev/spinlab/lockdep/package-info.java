/**
 * Lockdep, the kernel's lock validator, as an observer of the model kernel: lock classes,
 * usage bits, the dependency graph and the kernel's reports. The kernel package feeds it
 * through intrinsics and {@link dev.spinlab.lockdep.LockdepHost}.
 */
package dev.spinlab.lockdep;
