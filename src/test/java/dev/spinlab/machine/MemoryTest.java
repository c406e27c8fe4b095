package dev.spinlab.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MemoryTest {
    @Test
    void loadsAndStoresAreLittleEndianWithSignExtension() {
        Memory m = new Memory();
        long a = m.map(16, 8, 0, Memory.VALID);
        m.store(a, 4, 0x80402010L);
        assertThat(m.load(a, 1, false)).isEqualTo(0x10);
        assertThat(m.load(a + 3, 1, true)).isEqualTo(-128);
        assertThat(m.load(a, 4, true)).isEqualTo((long) (int) 0x80402010L);
        assertThat(m.load(a, 4, false)).isEqualTo(0x80402010L);
        assertThat(m.load(a, 2, false)).isEqualTo(0x2010);
    }

    @Test
    void copyIsCopyOnWriteAndIndependent() {
        Memory m = new Memory();
        long a = m.map(10000, 8, 0, Memory.VALID);
        m.store(a + 5000, 8, 42);
        long before = m.fingerprint();
        Memory c = m.copy();
        assertThat(c.fingerprint()).isEqualTo(before);
        assertThat(c.sameAs(m)).isTrue();
        c.store(a + 5000, 8, 43);
        assertThat(m.load(a + 5000, 8, false)).isEqualTo(42);
        assertThat(c.load(a + 5000, 8, false)).isEqualTo(43);
        assertThat(c.fingerprint()).isNotEqualTo(before);
        assertThat(c.sameAs(m)).isFalse();
        m.store(a + 5000, 8, 43);
        assertThat(m.fingerprint()).isEqualTo(c.fingerprint());
        assertThat(c.sameAs(m)).isTrue();
    }

    @Test
    void faultsNameTheirKind() {
        Memory m = new Memory();
        long a = m.map(8, 8, 32, Memory.VALID);
        long ro = m.map(4, 4, 32, Memory.READ_ONLY);
        assertThatThrownBy(() -> m.load(8, 4, false)).isInstanceOfSatisfying(ExecFault.class,
                f -> assertThat(f.kind()).isEqualTo(ExecFault.Kind.NULL_DEREF));
        assertThatThrownBy(() -> m.store(a + 8, 1, 0)).isInstanceOfSatisfying(ExecFault.class,
                f -> assertThat(f.kind()).isEqualTo(ExecFault.Kind.OUT_OF_BOUNDS));
        assertThatThrownBy(() -> m.store(ro, 1, 0)).isInstanceOfSatisfying(ExecFault.class,
                f -> assertThat(f.kind()).isEqualTo(ExecFault.Kind.READ_ONLY));
        assertThat(m.load(ro, 1, false)).isZero();
        m.setShadow(a, 8, Memory.FREED);
        assertThatThrownBy(() -> m.load(a, 8, false)).isInstanceOfSatisfying(ExecFault.class,
                f -> assertThat(f.kind()).isEqualTo(ExecFault.Kind.USE_AFTER_FREE));
    }

    @Test
    void aStoreClearsOtherCpusExclusiveMonitorOnly() {
        MachineState s = new MachineState(3);
        long a = s.mem.map(8, 8, 0, Memory.VALID);
        s.exclusive[0] = a;
        s.exclusive[1] = a;
        s.exclusive[2] = a + 4;
        s.noteStore(1, a, 4);
        assertThat(s.exclusive[0]).isEqualTo(MachineState.NO_MONITOR);
        assertThat(s.exclusive[1]).isEqualTo(a);
        assertThat(s.exclusive[2]).isEqualTo(a + 4);
    }

    @Test
    void stepCounterIsHistoryNotState() {
        MachineState s = new MachineState(2);
        MachineState c = s.copy();
        c.steps = 99;
        assertThat(c.fingerprint()).isEqualTo(s.fingerprint());
        assertThat(c.sameAs(s)).isTrue();
        c.preemptCount[1] = 1;
        assertThat(c.fingerprint()).isNotEqualTo(s.fingerprint());
        assertThat(c.sameAs(s)).isFalse();
    }
}
