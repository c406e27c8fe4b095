package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.lex.SrcLoc;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {
    static Finding warning(String message, int cpu, String task, int pid) {
        return new Finding(FindingKind.WARNING, message, new Finding.Where("kernel/softirq.c", 68, "__local_bh_enable_ip"),
                new Finding.Context(cpu, task, pid, 0x10000, false), 1000, List.of());
    }

    @Test
    void keyTellsTasksApartAndSignatureDoesNot() {
        Finding idle = warning("WARNING: CPU: 0 PID: 0 at kernel/softirq.c:68 __local_bh_enable_ip+0x40/0x9c", 0, "swapper/0", 0);
        Finding prog = warning("WARNING: CPU: 0 PID: 5 at kernel/softirq.c:68 __local_bh_enable_ip+0x40/0x9c", 0, "sleeper", 5);
        assertThat(idle.key()).isNotEqualTo(prog.key());
        assertThat(idle.headline()).startsWith("warning: WARNING: CPU: 0 PID: 0 at kernel/softirq.c:68");
    }

    @Test
    void signatureDropsPidsCpusAndAddresses() {
        Finding a = new Finding(FindingKind.SPINLOCK_RECURSION, "BUG: spinlock recursion on CPU#0, adder/5",
                Finding.Where.NONE, Finding.Context.none(0), 0, List.of());
        Finding b = new Finding(FindingKind.SPINLOCK_RECURSION, "BUG: spinlock recursion on CPU#1, adder/7",
                Finding.Where.NONE, Finding.Context.none(1), 0, List.of());
        assertThat(a.key()).isNotEqualTo(b.key());
        assertThat(a.signature()).isEqualTo(b.signature());
    }

    @Test
    void inconsistentUsagesInEitherOrderAreOneFinding() {
        Finding ab = new Finding(FindingKind.LOCKDEP_INCONSISTENT_LOCK_STATE,
                "WARNING: inconsistent lock state: inconsistent {HARDIRQ-ON-W} -> {IN-HARDIRQ-W} usage",
                Finding.Where.NONE, Finding.Context.none(0), 0, List.of(), List.of("&dev_lock"), null);
        Finding ba = new Finding(FindingKind.LOCKDEP_INCONSISTENT_LOCK_STATE,
                "WARNING: inconsistent lock state: inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage",
                Finding.Where.NONE, Finding.Context.none(0), 0, List.of(), List.of("&dev_lock"), null);
        assertThat(ab.key()).isEqualTo(ba.key());
        assertThat(ab.headline()).endsWith("usage [&dev_lock]");
    }

    @Test
    void locationIsTheDriverFrameNearestTheTop() {
        List<StackEntry> stack = List.of(
                new StackEntry("_raw_spin_lock", new SrcLoc("kernel/locking/spinlock.c", 21, 5), 0x5c, 0x7c, false),
                new StackEntry("table_add", new SrcLoc("recdemo.c", 33, 5), 0xc, 0x3c, false),
                new StackEntry("recdemo_ioctl", new SrcLoc("recdemo.c", 47, 9), 0xf4, 0x120, false));
        assertThat(Finding.nearestDriverFrame(stack, f -> f.equals("recdemo.c")))
                .isEqualTo(new Finding.Where("recdemo.c", 33, "table_add"));
        assertThat(Finding.nearestDriverFrame(stack, f -> false))
                .isEqualTo(new Finding.Where("kernel/locking/spinlock.c", 21, "_raw_spin_lock"));
        assertThat(Finding.nearestDriverFrame(List.of(), f -> true)).isEqualTo(Finding.Where.NONE);
    }

    @Test
    void everyKindHasAUniqueIdAndADescription() {
        for (FindingKind k : FindingKind.values()) {
            assertThat(FindingKind.byId(k.id)).isSameAs(k);
            assertThat(k.description).isNotBlank();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FindingKind.byId("no-such-kind"))
                .hasMessageContaining("no-such-kind");
    }
}
