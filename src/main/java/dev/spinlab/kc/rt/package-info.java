/**
 * The user-space runtime of interpreted programs: the small libc as intrinsics, the heap, and
 * {@link dev.spinlab.kc.rt.UserRun}, which runs user programs on the bare machine.
 * Must not touch: kernel semantics (syscalls into the model kernel live in {@code kernel}).
 */
package dev.spinlab.kc.rt;
