package dev.spinlab.report;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.lockdep.LockSite;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The weakest change that removes a lock finding, derived from the typed finding (its kind,
 * lock classes, lockdep's acquisition sites and the stacks): for a lock taken in an irq or
 * softirq and elsewhere with that irq enabled, the bottom-half or irq-disabling variant at the
 * enabled site (spin_lock -> spin_lock_bh for a softirq, spin_lock_irq for a hardirq: the
 * weakest primitive that keeps the handler off the CPU while the lock is held); for a lock
 * order cycle, the acquisition that closes it moved before the other; for recursion, sleeping
 * or returning to user space with a lock, what to change in words (no mechanical edit: the
 * fix depends on what the code means). {@link SourceEdit} makes the mechanical changes.
 */
public final class FixAdvice {
    private FixAdvice() {}

    /** The advice: one paragraph for people, and the edit that makes it (null: not mechanical). */
    public record Advice(String text, SourceEdit edit) {}

    /** The advice for f, if it is a lock finding spinlab can advise on; isUsers tells the user's files. */
    public static Optional<Advice> of(Finding f, Predicate<String> isUsers) {
        return Optional.ofNullable(switch (f.kind()) {
            case LOCKDEP_INCONSISTENT_LOCK_STATE -> inconsistent(f, isUsers);
            case LOCKDEP_IRQ_SAFE_UNSAFE_ORDER -> safeUnsafe(f, isUsers);
            case LOCKDEP_CIRCULAR_DEPENDENCY -> circular(f, isUsers);
            case LOCKDEP_RECURSIVE_LOCKING, SPINLOCK_RECURSION, RWLOCK_RECURSION -> recursion(f, isUsers);
            case SLEEP_IN_ATOMIC, SCHEDULING_WHILE_ATOMIC -> sleeping(f, isUsers);
            case LOCKDEP_LOCK_HELD_RETURNING_TO_USER, PREEMPT_LEAK_TO_USER -> toUser(f);
            case LOCKDEP_IRQ_LOCK_INVERSION -> new Advice("a lock taken in an interrupt handler and a lock taken"
                    + " with that interrupt enabled depend on each other (" + String.join(", ", f.locks()) + "): take the"
                    + " irq-unsafe one with interrupts (or bottom halves) disabled; lockdep's report names both usages", null);
            case DEADLOCK -> new Advice("a deadlock carries no lock data of its own: the lock findings of the same"
                    + " check (lockdep's reports, a spinlock recursion on the way) name the locks and get the fixes;"
                    + " --verify-fix tells whether each fix removes this deadlock too", null);
            default -> null;
        });
    }

    /** A user frame of a stack and the lock primitive it called (the kernel frame just inside it). */
    record Acq(StackEntry frame, String primitive) {
        String at() {
            return frame.function() + " (" + frame.loc().file() + ":" + frame.loc().line() + ")";
        }
    }

    static Acq acquisition(List<StackEntry> stack, Predicate<String> isUsers) {
        for (int i = 0; i < stack.size(); i++) {
            StackEntry e = stack.get(i);
            if (!e.isFolded() && isUsers.test(e.loc().file())) {
                String prim = null;
                for (int j = i - 1; j >= 0 && prim == null; j--) {
                    String fn = stack.get(j).function();
                    if (fn.startsWith("_raw_") || fn.matches("(spin|read|write)_(un)?lock.*")) {
                        prim = fn.startsWith("_raw_") ? fn.substring(5) : fn;
                    }
                }
                return new Acq(e, prim);
            }
        }
        return null;
    }

    /** SOFTIRQ -> the _bh variant, HARDIRQ -> the _irq variant of a spin/read/write lock primitive. */
    static String variant(String primitive, String state, boolean unlock) {
        String base = primitive.replaceAll("_(bh|irq|irqsave)$", "");
        if (!base.matches("(spin|read|write)_lock")) {
            return null;
        }
        String suffix = state.equals("SOFTIRQ") ? "_bh" : "_irq";
        return (unlock ? base.replace("_lock", "_unlock") : base) + suffix;
    }

    private static String context(String state) {
        return state.equals("SOFTIRQ") ? "softirq" : "hardirq";
    }

    private static String enabled(String state) {
        return state.equals("SOFTIRQ") ? "bottom halves enabled" : "interrupts enabled";
    }

    private static LockSite usage(Finding f, String prefixOrInfix, boolean in) {
        for (LockSite s : f.sites()) {
            if (in ? s.usage().startsWith("IN-") : s.usage().contains("-ON-")) {
                return s;
            }
        }
        return null;
    }

    private static String state(String usage) {
        return usage.contains("HARDIRQ") ? "HARDIRQ" : "SOFTIRQ";
    }

    /** {X-ON-W} and {IN-X-W} of one class: the X-enabled acquisition takes the variant that disables X. */
    private static Advice inconsistent(Finding f, Predicate<String> isUsers) {
        LockSite on = usage(f, "-ON-", false);
        LockSite in = usage(f, "IN-", true);
        if (on == null || in == null) {
            return null;
        }
        return variantAdvice(on, in, on.lock(), null, isUsers);
    }

    /** A new dependency from an irq-safe to an irq-unsafe class: the unsafe class's enabled acquisition takes the variant. */
    private static Advice safeUnsafe(Finding f, Predicate<String> isUsers) {
        LockSite safe = usage(f, "IN-", true);
        LockSite unsafe = usage(f, "-ON-", false);
        if (safe == null || unsafe == null) {
            return null;
        }
        return variantAdvice(unsafe, safe, unsafe.lock(), " under " + safe.lock() + " (this dependency)", isUsers);
    }

    private static Advice variantAdvice(LockSite on, LockSite in, String lock, String why, Predicate<String> isUsers) {
        String state = state(in.usage());
        Acq a = acquisition(on.stack(), isUsers);
        Acq h = acquisition(in.stack(), isUsers);
        if (a == null || a.primitive() == null) {
            return null;
        }
        String lockCall = variant(a.primitive(), state, false);
        String unlockCall = variant(a.primitive(), state, true);
        if (lockCall == null) {
            return null;
        }
        String text = a.at() + " takes " + on.lock() + " with " + a.primitive() + " with " + enabled(state)
                + " {" + on.usage() + "}; " + (why == null ? on.lock() : in.lock()) + " is also taken in "
                + context(state) + " context" + (h != null ? " (" + h.frame().function() + ", " + h.frame().loc().file()
                + ":" + h.frame().loc().line() + ")" : "") + " {" + in.usage() + "}"
                + (why == null ? "" : ", and " + on.lock() + " is taken" + why)
                + ": use " + lockCall + " in " + a.frame().function() + " (and " + unlockCall + " to release it)"
                + (state.equals("HARDIRQ") ? "; " + lockCall.replace("_irq", "_irqsave")
                        + " if it can be called with interrupts disabled" : "");
        return new Advice(text, new SourceEdit.Variant(a.frame().loc().file(), a.frame().function(),
                a.frame().loc().line(), lock, lockCall, unlockCall));
    }

    /** A lock order cycle: the acquisition that closed it moves before the lock it was taken under. */
    private static Advice circular(Finding f, Predicate<String> isUsers) {
        LockSite acquire = null;
        LockSite held = null;
        LockSite other = null;
        for (LockSite s : f.sites()) {
            if (s.usage().equals(LockSite.ACQUIRE)) {
                acquire = s;
            } else if (s.usage().equals(LockSite.HELD)) {
                held = s;
            } else if (other == null && s.usage().startsWith("after ")) {
                other = s;
            }
        }
        if (acquire == null || held == null) {
            return null;
        }
        Acq a = acquisition(acquire.stack(), isUsers);
        if (a == null) {
            return null;
        }
        Acq o = other == null ? null : acquisition(other.stack(), isUsers);
        String text = a.at() + " takes " + acquire.lock() + " while holding " + held.lock() + ", but " + acquire.lock()
                + " is taken before " + held.lock() + " elsewhere" + (o != null ? " (" + o.at() + " takes "
                + other.lock() + " " + other.usage() + ")" : "") + ": take the locks in one order, " + acquire.lock()
                + " -> " + held.lock() + ": in " + a.frame().function() + ", take " + acquire.lock() + " before "
                + held.lock();
        return new Advice(text, new SourceEdit.Order(a.frame().loc().file(), a.frame().function(), a.frame().loc().line(),
                acquire.lock(), held.lock()));
    }

    private static Advice recursion(Finding f, Predicate<String> isUsers) {
        Acq a = acquisition(f.stack(), isUsers);
        String lock = f.locks().isEmpty() ? "the lock" : f.locks().get(0);
        String where = a != null ? a.at() : f.where().toString();
        String caller = null;
        if (a != null) {
            int i = f.stack().indexOf(a.frame());
            String entered = null; // the interrupt context the acquisition runs in, above the holder
            for (int j = i + 1; j < f.stack().size(); j++) {
                StackEntry e = f.stack().get(j);
                if (e.function().equals("__do_softirq") && entered == null) {
                    entered = "SOFTIRQ";
                }
                if (e.exceptionEntry() && entered == null) {
                    entered = "HARDIRQ";
                }
                if (!e.isFolded() && isUsers.test(e.loc().file())) {
                    if (entered != null && a.primitive() != null && e.loc().file().equals(a.frame().loc().file())
                            && variant(a.primitive(), entered, false) != null) {
                        String lockCall = variant(a.primitive(), entered, false);
                        String unlockCall = variant(a.primitive(), entered, true);
                        return new Advice(where + " runs in " + context(entered) + " context on top of "
                                + e.function() + " (" + e.loc().file() + ":" + e.loc().line() + "), which holds the lock"
                                + " it takes: the handler spins on a lock its own CPU holds. Take the lock in "
                                + e.function() + " with " + lockCall + " (and " + unlockCall + " to release it)",
                                new SourceEdit.HandlerVariant(e.loc().file(), e.function(), e.loc().line(),
                                        a.frame().loc().line(), lockCall, unlockCall));
                    }
                    caller = e.function() + " (" + e.loc().file() + ":" + e.loc().line() + ")";
                    break;
                }
            }
        }
        if (caller != null) {
            return new Advice(where + " takes " + lock + ", which this task already holds (its caller " + caller
                    + " took it): a spinlock is not recursive, the second acquisition spins for ever. Release it before"
                    + " the call, or call a variant that expects it held (a __" + a.frame().function()
                    + " without the locking)", null);
        }
        return new Advice(where + " takes " + lock + ", which is already held on this CPU: by this task, or by a task"
                + " that kept it when it left the CPU (returned to user space or slept holding it; see the"
                + " lock-held-returning-to-user and sleep findings). A spinlock must be released before the task"
                + " sleeps or returns to user space, and never taken twice", null);
    }

    private static Advice sleeping(Finding f, Predicate<String> isUsers) {
        Acq a = acquisition(f.stack(), isUsers);
        String where = a != null ? a.at() : f.where().toString();
        if (a == null) {
            // no driver frame: the task sleeps in a system call of its own, with what an earlier call left held
            for (StackEntry e : f.stack()) {
                if (e.function().startsWith("__x64_sys_")) {
                    where = f.task() + "'s system call " + e.function().substring("__x64_sys_".length());
                    break;
                }
            }
        }
        return new Advice(where + " can sleep in atomic context (preempt_count " + String.format("%08x",
                f.context().preemptCount()) + "): a spinlock is held, or preemption, bottom halves or interrupts"
                + " are disabled. Release the spinlock before the call that sleeps, or protect the data with a mutex"
                + " if it must stay locked across the sleep", null);
    }

    private static Advice toUser(Finding f) {
        List<String> held = new java.util.ArrayList<>();
        for (LockSite s : f.sites()) {
            if (s.usage().startsWith(LockSite.HELD + " ")) {
                String at = s.usage().substring(LockSite.HELD.length() + 1);
                int plus = at.indexOf('+');
                String where = !s.stack().isEmpty() ? s.stack().get(0).function() + ", " + s.stack().get(0).loc().file()
                        + ":" + s.stack().get(0).loc().line() : plus > 0 ? at.substring(0, plus) : at;
                held.add(s.lock() + " (taken in " + where + ")");
            }
        }
        String locks = !held.isEmpty() ? String.join(", ", held)
                : f.locks().isEmpty() ? "a spinlock or a preempt_disable() (see lockdep's lock-held-returning-to-user"
                + " finding for which)" : String.join(", ", f.locks());
        return new Advice(f.task() + "'s system call returned to user space holding " + locks + ": a spinlock must be"
                + " released before the system call returns (the next task to take it on this CPU spins for ever);"
                + " keep state across calls in a flag or counter protected by the lock, not in a held lock", null);
    }

    /** For a finding's headline in advice output: {@code kind}. */
    static String kindOf(Finding f) {
        return f.kind().id.toLowerCase(Locale.ROOT);
    }

    /**
     * What a finding is, for telling whether a re-run still has it: its kind, the function it is
     * in (not for lockdep's reports, which are about their classes), the message without line
     * numbers, pids, CPUs and addresses, and the lock classes (as the SARIF fingerprint).
     */
    public static String identity(String kind, String message, String function, List<String> locks) {
        return SarifReport.identity(kind, message, function, locks);
    }

    public static String identity(Finding f) {
        return identity(f.kind().id, f.message(), f.where().function(), f.locks());
    }

    /** Whether the kind is one fix advice is about (the rest print no advice). */
    public static boolean isLockFinding(FindingKind k) {
        return switch (k) {
            case LOCKDEP_INCONSISTENT_LOCK_STATE, LOCKDEP_IRQ_SAFE_UNSAFE_ORDER, LOCKDEP_CIRCULAR_DEPENDENCY,
                 LOCKDEP_RECURSIVE_LOCKING, SPINLOCK_RECURSION, RWLOCK_RECURSION, SLEEP_IN_ATOMIC, SCHEDULING_WHILE_ATOMIC,
                 LOCKDEP_LOCK_HELD_RETURNING_TO_USER, PREEMPT_LEAK_TO_USER, LOCKDEP_IRQ_LOCK_INVERSION, DEADLOCK -> true;
            default -> false;
        };
    }
}
