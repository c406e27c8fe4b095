package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.machine.Register;
import org.junit.jupiter.api.Test;

/** When two footprints conflict (the word size, the event register's sets), and when a transition changes a cached run. */
class FootprintTest {
    /** A raw_spinlock_t's arch lock word (ticket halves) and, four bytes on, its magic. */
    static final long LOCK = 0x10018;
    static final long MAGIC = LOCK + 4;

    static Footprint access(long addr, long size, boolean write) {
        Footprint f = new Footprint();
        f.range(addr, size, write);
        return f;
    }

    static Footprint sev() {
        Footprint f = new Footprint();
        for (int cpu = 0; cpu < 2; cpu++) {
            f.registerSet(Register.EVENT, cpu);
        }
        return f;
    }

    /** What __wfe declares: it reads the CPU's event register and clears it. */
    static Footprint wfe(int cpu) {
        Footprint f = new Footprint();
        f.register(Register.EVENT, cpu, false);
        f.register(Register.EVENT, cpu, true);
        return f;
    }

    @Test
    void theMagicReadDoesNotConflictWithTheTicketWordBesideIt() {
        Footprint readMagic = access(MAGIC, 4, false);
        Footprint unlock = access(LOCK, 2, true); // tickets.owner++
        Footprint takeTicket = access(LOCK, 4, true);
        assertThat(readMagic.conflicts(unlock)).isFalse();
        assertThat(readMagic.conflicts(takeTicket)).isFalse();
        assertThat(unlock.conflicts(takeTicket)).isTrue();
    }

    @Test
    void anEightByteAccessCoversBothOfItsWords() {
        Footprint owner = access(LOCK, 8, true);
        assertThat(owner.conflicts(access(MAGIC, 4, false))).isTrue();
        assertThat(owner.conflicts(access(LOCK + 8, 4, false))).isFalse();
        assertThat(access(MAGIC + 3, 2, false).conflicts(access(LOCK + 8, 1, true))).isTrue();
    }

    @Test
    void twoSevsCommuteButASevAndAWaitDoNot() {
        assertThat(sev().conflicts(sev())).isFalse();
        assertThat(sev().conflicts(wfe(1))).isTrue();
        assertThat(wfe(1).conflicts(sev())).isTrue();
        Footprint wakeRead = new Footprint();
        wakeRead.read(Footprint.event(0));
        assertThat(sev().conflicts(wakeRead)).isTrue();
        assertThat(sev().writesWord(Footprint.event(1))).isTrue();
    }

    @Test
    void aSetCarriesThroughUnionsAndIsDroppedWhenRestored() {
        Footprint run = new Footprint();
        run.addAll(sev());
        assertThat(run.conflicts(wfe(0))).isTrue();
        Footprint restored = run.withoutWrites(Footprint.event(0));
        assertThat(restored.conflicts(wfe(0))).isFalse();
        assertThat(restored.conflicts(wfe(1))).isTrue();
        assertThat(run.sameWords(sev())).isTrue();
        assertThat(run.sameWords(wfe(0))).isFalse();
    }

    /**
     * A cached run (a handler's footprint, a CPU's local future) outlives a transition that
     * wrote nothing it reads: reading what it writes, or writing what it only writes, changes
     * nothing it depends on; writing what it reads, a set of a register it reads, or anything
     * unknown does.
     */
    @Test
    void aCachedRunIsChangedOnlyByAWriteOfWhatItReads() {
        Footprint run = new Footprint();
        run.range(LOCK, 4, false); // reads the ticket word
        run.range(LOCK + 8, 4, true); // writes owner_cpu without reading it
        run.register(Register.IRQ_MASK, 0, false);
        assertThat(access(LOCK, 4, false).changesWhatIsRead(run)).isFalse();
        assertThat(access(LOCK + 8, 4, true).changesWhatIsRead(run)).isFalse();
        assertThat(access(LOCK + 8, 4, true).conflicts(run)).isTrue(); // yet the two do not commute
        assertThat(access(LOCK, 2, true).changesWhatIsRead(run)).isTrue();
        Footprint unmask = new Footprint();
        unmask.register(Register.IRQ_MASK, 0, true);
        assertThat(unmask.changesWhatIsRead(run)).isTrue();
        Footprint otherCpu = new Footprint();
        otherCpu.register(Register.IRQ_MASK, 1, true);
        assertThat(otherCpu.changesWhatIsRead(run)).isFalse();
        Footprint unknown = new Footprint();
        unknown.undeclared("an intrinsic without declared effects");
        assertThat(unknown.changesWhatIsRead(run)).isTrue();
        assertThat(new Footprint().changesWhatIsRead(run)).isFalse();
    }

    /** A SEV sets the event register a waiting run reads: that changes the run. */
    @Test
    void aSetOfARegisterTheRunReadsChangesIt() {
        Footprint run = new Footprint();
        run.register(Register.EVENT, 0, false);
        Footprint set = new Footprint();
        set.registerSet(Register.EVENT, 0);
        assertThat(set.changesWhatIsRead(run)).isTrue();
    }
}
