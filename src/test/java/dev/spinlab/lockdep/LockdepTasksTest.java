package dev.spinlab.lockdep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Each path of a search has its own tasks' lockdep state: a snapshot changes apart from the
 * state it was taken from, and the fingerprint covers the held locks but not the irq event
 * counters (history).
 */
class LockdepTasksTest {
    private static Lockdep.Held held(long key, long instance) {
        Lockdep.Held h = new Lockdep.Held();
        h.cls = new Lockdep.LockClass(1, key, 0, "lock", 1, 0);
        h.instance = instance;
        return h;
    }

    @Test
    void aSnapshotChangesApartFromItsOrigin() {
        Lockdep.Tasks a = new Lockdep.Tasks();
        a.get(100).held.add(held(0x1000, 0x2000));
        long before = a.fingerprint();
        Lockdep.Tasks b = a.snapshot();
        assertThat(b.fingerprint()).isEqualTo(before);
        b.get(100).held.add(held(0x3000, 0x4000));
        b.get(200).held.add(held(0x1000, 0x2000));
        assertThat(a.fingerprint()).isEqualTo(before);
        assertThat(a.heldBy(100)).hasSize(1);
        assertThat(b.heldBy(100)).hasSize(2);
        assertThat(b.fingerprint()).isNotEqualTo(before);
        b.get(100).held.remove(1);
        b.get(200).held.clear();
        assertThat(b.fingerprint()).as("the same held locks again").isEqualTo(before);
    }

    @Test
    void irqEventStampsAreNotState() {
        Lockdep.Tasks a = new Lockdep.Tasks();
        a.get(100).held.add(held(0x1000, 0x2000));
        Lockdep.Tasks b = a.snapshot();
        b.get(100).irqEvents += 7;
        b.get(100).hardOnIp = 0x1234;
        assertThat(b.fingerprint()).isEqualTo(a.fingerprint());
        assertThat(a.get(100).irqEvents).isZero();
    }
}
