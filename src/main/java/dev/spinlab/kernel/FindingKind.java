package dev.spinlab.kernel;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of finding spinlab reports, run and check alike: the one list. The JSON's
 * {@code "kind"}, the kind tables of docs/run-json.md and docs/check-json.md (a test keeps them
 * equal to this list) and the commands' help derive from it. C code reports a finding through
 * one intrinsic, {@code __spinlab_finding(kind, message, where)} (include/linux/bug.h), naming
 * the kind by its {@link #id}.
 */
public enum FindingKind {
    SOFT_LOCKUP("soft-lockup", Origin.KERNEL, "the watchdog saw a CPU not schedule for more than 20 s"
            + " (`watchdog: BUG: soft lockup - CPU#N stuck for Ns!`); the stack is the stuck task's"),
    HARD_LOCKUP("hard-lockup", Origin.KERNEL, "the NMI watchdog saw a CPU take no timer interrupt for 10 s"
            + " (spinning with irqs off: `CPU0: Watchdog detected hard LOCKUP on cpu 0`); the stack is the"
            + " stuck context's"),
    SCHEDULING_WHILE_ATOMIC("scheduling-while-atomic", Origin.KERNEL, "`schedule()` entered with a non-zero"
            + " preempt count beyond its own (`BUG: scheduling while atomic`)"),
    SLEEP_IN_ATOMIC("sleep-in-atomic", Origin.KERNEL, "`might_sleep()` in atomic context"
            + " (`BUG: sleeping function called from invalid context`)"),
    SPINLOCK_RECURSION("spinlock-recursion", Origin.KERNEL, "CONFIG_DEBUG_SPINLOCK: a task or CPU takes a"
            + " spinlock it already holds (`recursion`, `cpu recursion`)"),
    SPINLOCK_BAD_UNLOCK("spinlock-bad-unlock", Origin.KERNEL, "unlock of a spinlock that is not locked"),
    SPINLOCK_WRONG_OWNER("spinlock-wrong-owner", Origin.KERNEL, "unlock by another task or on another CPU than"
            + " the one that locked"),
    SPINLOCK_BAD_MAGIC("spinlock-bad-magic", Origin.KERNEL, "a spinlock used without initialisation"),
    RWLOCK_RECURSION("rwlock-recursion", Origin.KERNEL, "CONFIG_DEBUG_SPINLOCK: a write_lock() of an rwlock"
            + " the task or CPU already write-holds"),
    RWLOCK_BAD_MAGIC("rwlock-bad-magic", Origin.KERNEL, "an rwlock used without initialisation"),
    RWLOCK_WRONG_OWNER("rwlock-wrong-owner", Origin.KERNEL, "write_unlock() by another task or on another CPU"
            + " than the one that locked"),
    WARNING("warning", Origin.KERNEL, "any `WARN()`/`WARN_ON()` (e.g. preempt_count underflow)"),
    OOPS("oops", Origin.KERNEL, "a fault in kernel code (`BUG: kernel NULL pointer dereference, ...`);"
            + " ends the run"),
    PANIC("panic", Origin.KERNEL, "`panic()` was called (`Kernel panic - not syncing: ...`); ends the run"
            + " (end `panic`)"),
    EMERGENCY_RESTART("emergency-restart", Origin.KERNEL, "`emergency_restart()` was called (a watchdog"
            + " driver's reboot); ends the run (end `restart`)"),
    UBSAN("ubsan", Origin.KERNEL, "CONFIG_UBSAN (`lib/ubsan.c`): a shift by a negative count or by the"
            + " promoted type's width or more (`UBSAN: shift-out-of-bounds in FILE:LINE:COL`), a division or"
            + " remainder by zero or of the type's minimum by -1 (`UBSAN: division-overflow in ...`), once per"
            + " site; the run goes on (a division then traps: an `oops` follows); the stack is the report's"),
    PREEMPT_LEAK_TO_USER("preempt-leak-to-user", Origin.SPINLAB, "spinlab's own check: a system call returned"
            + " to user space with a non-zero preempt count"),
    LOCKDEP_RECURSIVE_LOCKING("lockdep:recursive-locking", Origin.LOCKDEP, "lockdep: a lock class taken again"
            + " while held (`WARNING: possible recursive locking detected`); a `read_lock()` under a"
            + " `read_lock()` of the class is fine, a write after a read (or read after write) is not"),
    LOCKDEP_CIRCULAR_DEPENDENCY("lockdep:circular-dependency", Origin.LOCKDEP, "lockdep: a new lock order"
            + " closes a cycle in the dependency graph (`WARNING: possible circular locking dependency"
            + " detected`); spinlocks, rwlocks, mutexes, rw_semaphores, rt_mutexes, local locks and seqlocks"
            + " (semaphores are not tracked); a cycle only of"
            + " read-to-recursive-read links is no deadlock"),
    LOCKDEP_INCONSISTENT_LOCK_STATE("lockdep:inconsistent-lock-state", Origin.LOCKDEP, "lockdep: a class used"
            + " both in an irq context and with that irq enabled (`WARNING: inconsistent lock state`, e.g."
            + " `{SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}`)"),
    LOCKDEP_IRQ_SAFE_UNSAFE_ORDER("lockdep:irq-safe-unsafe-order", Origin.LOCKDEP, "lockdep: a new dependency"
            + " from an irq-safe to an irq-unsafe class (`WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order"
            + " detected`, or SOFTIRQ; `HARDIRQ-READ-safe -> ...` when the safe usage was a read)"),
    LOCKDEP_IRQ_LOCK_INVERSION("lockdep:irq-lock-inversion", Origin.LOCKDEP, "lockdep: a class's new irq usage"
            + " conflicts with a class it depends on or that depends on it (`WARNING: possible irq lock"
            + " inversion dependency detected`)"),
    LOCKDEP_BAD_UNLOCK_BALANCE("lockdep:bad-unlock-balance", Origin.LOCKDEP, "lockdep: release of a lock the"
            + " task does not hold (`WARNING: bad unlock balance detected!`)"),
    LOCKDEP_LOCK_HELD_RETURNING_TO_USER("lockdep:lock-held-returning-to-user", Origin.LOCKDEP, "lockdep: a"
            + " system call or interrupt returned to user space with locks held"),
    LOCKDEP_NON_STATIC_KEY("lockdep:non-static-key", Origin.LOCKDEP, "lockdep: a lock used without"
            + " initialisation (`INFO: trying to register non-static key.`)"),
    LOCKDEP_INVALID_WAIT_CONTEXT("lockdep:invalid-wait-context", Origin.LOCKDEP, "lockdep: a lock taken in a"
            + " context stricter than its wait type allows (`BUG: Invalid wait context`): a `spinlock_t`"
            + " under a `raw_spinlock_t` or in a hardirq that would not be threaded, a mutex or rw_semaphore"
            + " under a spinlock (CONFIG_PROVE_RAW_LOCK_NESTING)"),
    LOCKDEP_NESTED_LOCK_NOT_TAKEN("lockdep:nested-lock-not-taken", Origin.LOCKDEP, "lockdep:"
            + " `spin_lock_nest_lock()`/`mutex_lock_nest_lock()` without the nest lock held (`WARNING: Nested"
            + " lock was not taken`)"),
    LOCKDEP_HELD_LOCK_FREED("lockdep:held-lock-freed", Origin.LOCKDEP, "lockdep: memory holding a held lock"
            + " freed (`kfree`), or a held lock initialised again (`WARNING: held lock freed!`)"),
    USER_FAULT("user-fault", Origin.KERNEL, "a fault in a user program (segmentation fault); the process is"
            + " killed, the run goes on"),
    DEADLOCK("deadlock", Origin.CHECK, "no CPU can make progress and a program has not exited (every CPU"
            + " spins on a lock, waits with interrupts off, is idle with its tasks asleep for good, or runs a"
            + " busy-wait loop that no CPU or event can end)"),
    DATA_RACE("data-race", Origin.CHECK, "two CPUs can make conflicting plain accesses to the same memory next"
            + " (at least one a write, not both atomic), in the words of KCSAN"),
    FAULT("fault", Origin.CHECK, "a fault in code the search steps (the path's oops), reported as the"
            + " interpreter found it"),
    BOOT("boot", Origin.CHECK, "the boot itself ended (a module's init locked up) before the programs"
            + " started: nothing to explore; `spinlab run` shows it");

    /** Who reports a kind: the model kernel, lockdep, spinlab's own checks, or the model checker. */
    public enum Origin { KERNEL, LOCKDEP, SPINLAB, CHECK }

    /** The stable name: JSON's {@code "kind"}, C's argument to {@code __spinlab_finding}. */
    public final String id;
    public final Origin origin;
    /** When it is reported, for the docs and help (Markdown). */
    public final String description;

    FindingKind(String id, Origin origin, String description) {
        this.id = id;
        this.origin = origin;
        this.description = description;
    }

    private static final Map<String, FindingKind> BY_ID =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(k -> k.id, Function.identity()));

    /** The kind named id; an unknown name is a bug of the model kernel (its C names each kind it reports). */
    public static FindingKind byId(String id) {
        FindingKind k = BY_ID.get(id);
        if (k == null) {
            throw new IllegalArgumentException("no finding kind '" + id + "' (FindingKind lists them)");
        }
        return k;
    }

    /** Whether run can report it (check reports these and its own). */
    public boolean inRun() {
        return origin != Origin.CHECK;
    }

    @Override
    public String toString() {
        return id;
    }
}
