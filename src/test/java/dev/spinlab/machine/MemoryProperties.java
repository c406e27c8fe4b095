package dev.spinlab.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Memory's copy-on-write storage (blocks in chunks, each shared until written) and its cached
 * fingerprint against a plain model: a family of memories made by copying one another, each
 * written at random places across several chunks, must each read back exactly its own bytes
 * and shadow, hash as its contents hashed from scratch, and compare equal (sameAs, equal
 * fingerprints) exactly when its contents equal another's. A write that leaked into a shared
 * block or chunk, or a block hash left stale or counted twice, breaks one of these.
 */
class MemoryProperties {
    /** What is done to memory number {@code who} (taken modulo the family's size). */
    record Action(int kind, int who, int offset, int size, long value) {}

    private static final int SPAN = 3 * 64 * 1024 + 5000; // more than three chunks of blocks

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> one = Arbitraries.integers().between(0, 9).flatMap(kind ->
                Arbitraries.integers().between(0, 7).flatMap(who ->
                        Arbitraries.oneOf(
                                        Arbitraries.integers().between(0, SPAN - 8),
                                        Arbitraries.of(0, 1020, 1024, 65528, 65536, 131072, SPAN - 8))
                                .flatMap(off ->
                                        Arbitraries.of(1, 2, 4, 8).flatMap(size ->
                                                Arbitraries.oneOf(Arbitraries.of(0L, 1L, 42L),
                                                                Arbitraries.longs())
                                                        .map(v -> new Action(kind, who, off, size, v))))));
        return one.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 300)
    void copiesStayIndependentAndFingerprintsFollowContents(@ForAll("actions") List<Action> script) {
        Memory root = new Memory();
        long base = root.map(SPAN, 8, 0, Memory.VALID);
        List<Memory> mems = new ArrayList<>(List.of(root));
        List<byte[]> model = new ArrayList<>();
        model.add(new byte[SPAN]);
        List<byte[]> shadow = new ArrayList<>();
        byte[] valid = new byte[SPAN];
        Arrays.fill(valid, Memory.VALID);
        shadow.add(valid);
        for (Action a : script) {
            int i = a.who() % mems.size();
            Memory m = mems.get(i);
            if (a.kind() <= 5) { // store, where nothing was freed (else it would fault)
                boolean freed = false;
                for (int b = 0; b < a.size(); b++) {
                    freed |= shadow.get(i)[a.offset() + b] != Memory.VALID;
                }
                if (freed) {
                    continue;
                }
                m.store(base + a.offset(), a.size(), a.value());
                for (int b = 0; b < a.size(); b++) {
                    model.get(i)[a.offset() + b] = (byte) (a.value() >>> (8 * b));
                }
            } else if (a.kind() <= 7) { // copy
                mems.add(m.copy());
                model.add(model.get(i).clone());
                shadow.add(shadow.get(i).clone());
            } else if (a.kind() == 8) { // fingerprint now: hashes get cached, dirty lists empty
                m.fingerprint();
            } else { // free a few bytes (shadow change, no data change)
                m.setShadow(base + a.offset(), a.size(), Memory.FREED);
                Arrays.fill(shadow.get(i), a.offset(), a.offset() + a.size(), Memory.FREED);
            }
        }
        for (int i = 0; i < mems.size(); i++) {
            Memory m = mems.get(i);
            for (int off = 0; off < SPAN; off++) {
                if (m.rawByte(base + off) != model.get(i)[off] || m.shadow(base + off) != shadow.get(i)[off]) {
                    throw new AssertionError("memory " + i + " differs from its model at offset " + off);
                }
            }
            assertThat(m.fingerprint()).as("memory %d: cached fingerprint", i).isEqualTo(m.fingerprintFromScratch());
        }
        for (int i = 0; i < mems.size(); i++) {
            for (int j = i + 1; j < mems.size(); j++) {
                boolean same = Arrays.equals(model.get(i), model.get(j)) && Arrays.equals(shadow.get(i), shadow.get(j));
                assertThat(mems.get(i).sameAs(mems.get(j))).as("sameAs %d %d", i, j).isEqualTo(same);
                if (same) {
                    assertThat(mems.get(i).fingerprint()).as("fingerprints %d %d", i, j)
                            .isEqualTo(mems.get(j).fingerprint());
                } else {
                    assertThat(mems.get(i).fingerprint()).as("fingerprints %d %d", i, j)
                            .isNotEqualTo(mems.get(j).fingerprint());
                }
            }
        }
    }
}
