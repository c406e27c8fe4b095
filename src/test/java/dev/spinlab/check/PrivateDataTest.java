package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.machine.PrivateMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The private-data monitor's rules: which accesses stay hidden, which reveal a word. */
class PrivateDataTest {
    static final long TASK = PrivateMemory.owner(3, 0);
    static final long ITS_IRQ = PrivateMemory.owner(3, 1);
    static final long OTHER = PrivateMemory.owner(4, 0);

    @Test
    void oneFlowsReadsAndWritesStayHidden() {
        PrivateData d = new PrivateData();
        assertThat(d.access(TASK, 0x1000, 8, true)).isTrue();
        assertThat(d.access(TASK, 0x1000, 4, false)).isTrue();
        assertThat(d.needsRestart()).isFalse();
    }

    @Test
    void aWordNobodyWritesStaysHiddenForEveryFlow() {
        PrivateData d = new PrivateData();
        assertThat(d.access(TASK, 0x2000, 8, false)).isTrue();
        assertThat(d.access(OTHER, 0x2000, 8, false)).isTrue();
        assertThat(d.access(ITS_IRQ, 0x2000, 8, false)).isTrue();
        assertThat(d.needsRestart()).isFalse();
    }

    @Test
    void aSecondFlowOnAWrittenWordRevealsIt_theHandlerOnTheTasksStackIsOneOfThem() {
        PrivateData d = new PrivateData();
        assertThat(d.access(TASK, 0x3000, 8, true)).isTrue();
        // the handler one exception deeper is a second flow: the word is shared, visible from
        // the next run on; this run's visible words stay as they were (its traces must replay)
        assertThat(d.access(ITS_IRQ, 0x3000, 8, false)).as("hidden for the rest of this run").isTrue();
        assertThat(d.needsRestart()).isTrue();
        PrivateData next = d.next();
        assertThat(next.revealedWords()).containsExactly(0x3000L >> 3);
        assertThat(next.access(TASK, 0x3004, 4, false)).as("visible to every flow in the next run").isFalse();
        assertThat(next.needsRestart()).isFalse();
    }

    @Test
    void aWriteAfterSharedReadsRevealsTheWord() {
        PrivateData d = new PrivateData();
        d.access(TASK, 0x4000, 8, false);
        d.access(OTHER, 0x4000, 8, false);
        assertThat(d.access(OTHER, 0x4000, 8, true)).as("hidden for the rest of this run").isTrue();
        assertThat(d.needsRestart()).isTrue();
        assertThat(d.next().access(TASK, 0x4000, 8, false)).as("visible in the next").isFalse();
    }

    @Test
    void anAccessOverTwoWordsIsHiddenOnlyWhenBothAre() {
        PrivateData d = new PrivateData();
        d.access(TASK, 0x5008, 8, true);
        d.access(OTHER, 0x5008, 8, true); // the second word is shared
        PrivateData next = d.next();
        assertThat(next.access(TASK, 0x5000, 8, true)).isTrue();
        assertThat(next.access(TASK, 0x5000, 16, false)).isFalse();
    }

    @Test
    void whatTheRunsLearnedStaysForTheRunsAfterThem() {
        PrivateData d = new PrivateData();
        d.access(TASK, 0x6000, 8, true);
        PrivateData next = d.next();
        // the first run saw the task write it: another flow's read in a later run reveals it
        // (for the run after that one)
        next.access(OTHER, 0x6000, 8, false);
        assertThat(next.needsRestart()).isTrue();
        assertThat(next.next().revealedWords()).containsExactly(0x6000L >> 3);
    }

    @Test
    void anEventsFootprintIsTheDevicesFlow() {
        PrivateData d = new PrivateData();
        d.access(TASK, 0x7000, 8, true);
        Footprint fp = new Footprint();
        fp.range(0x7000, 8, false);
        fp.register(dev.spinlab.machine.Register.PENDING, 0, true); // a register is no memory word
        d.deviceAccesses(fp);
        assertThat(d.needsRestart()).isTrue();
        assertThat(d.next().revealedWords()).containsExactly(0x7000L >> 3);
    }

    @Test
    void aCallWithUndeclaredEffectsMakesTheRunNoAnswer() {
        PrivateData d = new PrivateData();
        d.unknown(TASK, "intrinsic mystery");
        assertThat(d.needsRestart()).isTrue();
        assertThat(d.unknownCalls()).containsExactly("intrinsic mystery");
    }

    @Test
    void aRecorderHidesNothingButLearns() {
        PrivateData rec = PrivateData.recorder();
        assertThat(rec.access(TASK, 0x8000, 8, true)).isFalse();
        rec.access(OTHER, 0x8000, 8, true);
        assertThat(rec.next().revealedWords()).containsExactly(0x8000L >> 3);
    }

    @Test
    void aReplaysMonitorHidesTheComplementOfTheGivenWords() {
        PrivateData r = PrivateData.withRevealed(List.of(0x9000L >> 3));
        assertThat(r.access(TASK, 0x9000, 8, false)).isFalse();
        assertThat(r.access(TASK, 0x9008, 8, true)).isTrue();
    }
}
