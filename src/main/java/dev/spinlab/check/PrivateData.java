package dev.spinlab.check;

import dev.spinlab.machine.PrivateMemory;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/*
 * Implementation notes.
 *
 * The private-data reduction (issue 15, item 1; the scheme of Quicksand, Blum and Eckhardt):
 * a step runs on through accesses to words that, in every path the search has explored so
 * far, only one flow of execution (an owner: a context at one exception depth) has touched,
 * or that nobody has written. Such an access commutes with every transition of every other
 * owner, so running it inside its flow's step loses no interleaving that matters — as long as
 * the assumption holds in the whole state space, not only in the part seen so far.
 *
 * So every access is recorded, hidden or not, with its owner. A word touched by two owners
 * of which one wrote it is "revealed": visible from then on. A search that revealed a word it
 * had been hiding is not an answer; it is run again from the start with the revealed words
 * visible (a restart), until a run reveals nothing new. That run's answer is exact: if some
 * reachable execution had two owners touch a hidden word with a write, take the shortest such;
 * its prefix touches every hidden word from one owner at most, so its hidden accesses can be
 * moved next to their owner's preceding visible step, which makes the prefix a path of the
 * coarse model, and the next step of the second owner makes the access there: recorded, and
 * revealed. A run that revealed a word is no answer, but its paths are real executions, so
 * what it goes on to reveal is true too: it runs on, with its visible words unchanged (its
 * traces must replay), until it has twice the states it had when it first revealed one, then
 * stops at the end of that level, and the next run starts with everything it revealed
 * visible. Which words a level reveals does not depend on the order its states are expanded
 * in, so the runs, and the answer, do not depend on the number of threads.
 *
 * The visible set of one run is fixed (read without locks by every worker's interpreter);
 * what the runs learn stays in the owner map for the runs after them.
 */
public final class PrivateData implements PrivateMemory {
    /** Runs (restarts included) before the reduction gives up and the search runs without it. */
    public static final int MAX_RUNS = 24;

    private static final long WRITTEN = 1L << 63;
    private static final long MANY = 1L << 62;
    private static final long OWNER_MASK = MANY - 1;

    /** Words visible in this run (8-byte word indices, addr >> 3). */
    private final LongHashSet revealed;
    /** Word -> WRITTEN | MANY | first owner + 2; shared by the runs of one search. */
    private final LongLongMap owners;
    /** Words this run found shared that it was hiding: visible in the next run. */
    private final TreeSet<Long> newlyRevealed = new TreeSet<>();
    /** Whether this run has hidden a word that turned out shared: its answer is not exact. */
    private boolean revealedAny;
    /** Calls whose effects are not declared: they may have touched any hidden word. */
    private final TreeSet<String> unknown = new TreeSet<>();

    /** Whether nothing is hidden: a monitor that only records (the random walks' seed, walks()). */
    private final boolean recordOnly;

    /** A first run: nothing revealed yet. */
    public PrivateData() {
        this(new LongHashSet(), new LongLongMap(), false);
    }

    private PrivateData(LongHashSet revealed, LongLongMap owners, boolean recordOnly) {
        this.revealed = revealed;
        this.owners = owners;
        this.recordOnly = recordOnly;
    }

    /** A monitor that hides nothing and records every access: for the walks that seed a search. */
    static PrivateData recorder() {
        return new PrivateData(new LongHashSet(), new LongLongMap(), true);
    }

    /** A monitor that hides nothing but the given words' complement: for replaying a trace. */
    public static PrivateData withRevealed(List<Long> words) {
        LongHashSet r = new LongHashSet();
        for (long w : words) {
            r.add(w);
        }
        return new PrivateData(r, new LongLongMap(), false);
    }

    @Override
    public boolean access(long owner, long addr, long size, boolean write) {
        long first = addr >> 3;
        long last = (addr + Math.max(1, size) - 1) >> 3;
        if (last - first > 4096) {
            return false; // a huge block: visible, as the footprint treats it
        }
        boolean hidden = true;
        for (long w = first; w <= last; w++) {
            if (revealed.contains(w)) {
                hidden = false;
                continue;
            }
            // a word this access finds shared stays hidden for the rest of this run: the run's
            // visible words are fixed, so a step from a state is cut the same way whenever it
            // is taken (a trace replays); the run is no answer, and the next makes it visible
            record(w, owner, write);
        }
        return hidden && !recordOnly;
    }

    /** Notes the access to one hidden word; one it makes shared is visible in the next run. */
    private void record(long word, long owner, boolean write) {
        synchronized (owners) {
            long v = owners.get(word, 0);
            long o = owner + 2;
            long next = v == 0 ? o : (v & OWNER_MASK) == o || (v & MANY) != 0 ? v : v | MANY;
            if (write) {
                next |= WRITTEN;
            }
            if (next != v) {
                owners.put(word, next);
            }
            if ((next & (MANY | WRITTEN)) == (MANY | WRITTEN)) {
                newlyRevealed.add(word);
                revealedAny = true;
            }
        }
    }

    @Override
    public void unknown(long owner, String what) {
        synchronized (owners) {
            unknown.add(what);
        }
    }

    /** The footprint of a transition no context made (an event): its words, owned by the device. */
    void deviceAccesses(Footprint fp) {
        fp.forEachWord((w, write) -> {
            long word = w >> (3 - Footprint.WORD_BITS); // this monitor's words are 8 bytes
            if (w >= 0 && !revealed.contains(word)) {
                record(word, DEVICE, write);
            }
        });
    }

    /** Whether this run hid a word that turned out shared, or met an undeclared call. */
    public boolean needsRestart() {
        synchronized (owners) {
            return revealedAny || !unknown.isEmpty();
        }
    }

    /** Undeclared calls met (the reduction cannot be used with them). */
    public List<String> unknownCalls() {
        synchronized (owners) {
            return new ArrayList<>(unknown);
        }
    }

    /** The monitor of the next run: this run's revealed words and what it found. */
    public PrivateData next() {
        synchronized (owners) {
            LongHashSet r = new LongHashSet();
            r.addAll(revealed);
            for (long w : newlyRevealed) {
                r.add(w);
            }
            return new PrivateData(r, owners, false);
        }
    }

    /** The words visible in this run, ascending (what a replay needs to cut steps the same way). */
    public List<Long> revealedWords() {
        List<Long> out = new ArrayList<>();
        revealed.forEach(out::add);
        out.sort(null);
        return out;
    }

    /** Words this run found shared and has not made visible yet (for a recorder: all it found). */
    int newlyRevealedCount() {
        synchronized (owners) {
            return newlyRevealed.size();
        }
    }

    public int revealedCount() {
        return revealed.size();
    }
}
