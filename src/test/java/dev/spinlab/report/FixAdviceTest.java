package dev.spinlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.lockdep.LockSite;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Advice derived from typed findings: which acquisition, which primitive, which variant. */
class FixAdviceTest {
    static final Predicate<String> USERS = f -> f.startsWith("d/");

    static StackEntry frame(String fn, String file, int line) {
        return new StackEntry(fn, new SrcLoc(file, line, 5), 0, 16, false);
    }

    static List<StackEntry> taken(String primitive, String fn, int line) {
        return List.of(frame(primitive, "kernel/locking/spinlock.c", 21), frame(fn, "d/drv.c", line),
                frame("__x64_sys_ioctl", "fs/open.c", 405));
    }

    static Finding lockdep(FindingKind kind, List<String> locks, List<LockSite> sites) {
        return new Finding(kind, "m", new Finding.Where("d/drv.c", 1, "f"), Finding.Context.none(0), 0, List.of(),
                locks, null, sites);
    }

    @Test
    void aHardirqInconsistencyAsksForTheIrqVariantAtTheEnabledSite() {
        Finding f = lockdep(FindingKind.LOCKDEP_INCONSISTENT_LOCK_STATE, List.of("&dev_lock"), List.of(
                new LockSite("&dev_lock", "HARDIRQ-ON-W", taken("_raw_spin_lock", "drv_write", 44)),
                new LockSite("&dev_lock", "IN-HARDIRQ-W", taken("_raw_spin_lock", "drv_interrupt", 31))));
        FixAdvice.Advice a = FixAdvice.of(f, USERS).orElseThrow();
        assertThat(a.text()).startsWith("drv_write (d/drv.c:44) takes &dev_lock with spin_lock with interrupts enabled")
                .contains("also taken in hardirq context (drv_interrupt, d/drv.c:31)")
                .contains("use spin_lock_irq in drv_write (and spin_unlock_irq to release it)")
                .contains("spin_lock_irqsave if it can be called with interrupts disabled");
        assertThat(a.edit()).isEqualTo(new SourceEdit.Variant("d/drv.c", "drv_write", 44, "&dev_lock", "spin_lock_irq",
                "spin_unlock_irq"));
    }

    @Test
    void anIrqSafeToUnsafeOrderChangesTheUnsafeLocksEnabledAcquisition() {
        Finding f = lockdep(FindingKind.LOCKDEP_IRQ_SAFE_UNSAFE_ORDER, List.of("&a", "&b"), List.of(
                new LockSite("&a", "IN-SOFTIRQ-W", taken("_raw_spin_lock", "drv_timer", 12)),
                new LockSite("&b", "SOFTIRQ-ON-W", taken("_raw_read_lock", "drv_read", 50)),
                new LockSite("&a", LockSite.HELD, List.of()),
                new LockSite("&b", LockSite.ACQUIRE, taken("_raw_read_lock", "drv_timer", 13))));
        FixAdvice.Advice a = FixAdvice.of(f, USERS).orElseThrow();
        assertThat(a.text()).startsWith("drv_read (d/drv.c:50) takes &b with read_lock with bottom halves enabled")
                .contains("use read_lock_bh in drv_read (and read_unlock_bh to release it)");
        assertThat(a.edit()).isEqualTo(new SourceEdit.Variant("d/drv.c", "drv_read", 50, "&b", "read_lock_bh",
                "read_unlock_bh"));
    }

    @Test
    void anAlreadyIrqSafePrimitiveOrAKernelOnlyStackGetsNoMechanicalChange() {
        assertThat(FixAdvice.variant("mutex_lock", "SOFTIRQ", false)).isNull();
        assertThat(FixAdvice.variant("spin_lock_bh", "HARDIRQ", false)).isEqualTo("spin_lock_irq");
        Finding kernelOnly = lockdep(FindingKind.LOCKDEP_INCONSISTENT_LOCK_STATE, List.of("&x"), List.of(
                new LockSite("&x", "SOFTIRQ-ON-W", List.of(frame("_raw_spin_lock", "kernel/locking/spinlock.c", 21))),
                new LockSite("&x", "IN-SOFTIRQ-W", List.of())));
        assertThat(FixAdvice.of(kernelOnly, USERS)).isEmpty();
    }

    @Test
    void kindsThatAreNotAboutLocksGetNoAdvice() {
        Finding race = Finding.of(FindingKind.DATA_RACE, "BUG: KCSAN: data-race in a / b");
        assertThat(FixAdvice.of(race, USERS)).isEmpty();
        for (FindingKind k : FindingKind.values()) {
            if (!FixAdvice.isLockFinding(k)) {
                assertThat(FixAdvice.of(Finding.of(k, "m"), USERS)).as(k.id).isEmpty();
            }
        }
    }
}
