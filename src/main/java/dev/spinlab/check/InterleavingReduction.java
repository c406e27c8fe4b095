package dev.spinlab.check;

import dev.spinlab.machine.MachineState;
import dev.spinlab.check.KState;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * The interleavings reduction of KernelModel (a persistent set per state, docs/check.md).
 * A CPU's "local future" is the union of the footprints of everything it can do on its own —
 * a search over its steps and the events aimed at it (breadth first, straight runs stepped in
 * place), the other CPUs frozen,
 * with the interrupts reduction applied inside, and an interrupt the CPU can only run through
 * (no other event can come meanwhile) taken as one move (KernelModel.runInterruptAlone): an
 * interrupt nested at each point of a long path would otherwise cost its whole handler's states
 * at every point. It is cached in the state and reused by a
 * successor whose transition wrote nothing it reads (InterruptsReduction.inherited), or whose transition is the CPU's own
 * (a subset of what it could do: marked stale, searched again after STALE_STEPS own steps when
 * it blocks a reduction). A search that exceeds LOCAL_BOUND fails; a failure only costs
 * reduction and is retried after FAIL_RETRY_STEPS own steps. A search's answer is remembered
 * by what it depended on (LocalFutureMemo) and given to any later state that agrees on all of
 * it, searched or not.
 */
final class InterleavingReduction {
    private final KernelModel model;
    /** Whether a forced interrupt run is one move of a local search (off only to test that it changes nothing). */
    private final boolean interruptsAsOneMove;
    /** How many interrupt runs local searches took as one move (for tests and diagnostics). */
    long interruptsRunAsOneMove;

    InterleavingReduction(KernelModel model) {
        this(model, true);
    }

    InterleavingReduction(KernelModel model, boolean interruptsAsOneMove) {
        this.model = model;
        this.interruptsAsOneMove = interruptsAsOneMove;
    }

    /** Whether local futures are remembered (LocalFutureMemo; off only to test that it changes nothing). */
    boolean remember = true;
    /** The remembered futures, made at the first search (the model's events exist by then). */
    private LocalFutureMemo memo;
    /** With verify, every hit of the memo is checked against a fresh search (tests). */
    boolean verify;
    /** Hits that a fresh search did not confirm (under verify; tests expect none). */
    long verifyMismatches;

    /** The memo of local futures, or null before the first search or without one. */
    LocalFutureMemo memo() {
        return memo;
    }

    /** Remembers local futures in other's memo from now on (made now if other has none yet). */
    void shareMemoOf(InterleavingReduction other) {
        if (other.memo == null) {
            other.memo = new LocalFutureMemo(other.model.events());
        }
        memo = other.memo;
    }

    /** Own steps of a CPU after which a failed local search of its future is tried again. */
    static final int FAIL_RETRY_STEPS = 128;
    /** Own steps a stale local future is kept before a conflict makes it worth a fresh search. */
    static final int STALE_STEPS = 16;
    /** Local states a localFuture search may visit. */
    static final int LOCAL_BOUND = 4_000;

    /**
     * The interleavings reduction: keeps the choices of the smallest set of stepping CPUs (the
     * lowest CPUs first) that is persistent (see persistent: what each CPU left out can do on its
     * own, explored locally until nothing new happens, conflicts with none of the set's choices,
     * nor with what the other left-out CPUs can do). Returns the pruned choices, or null when no
     * set smaller than all stepping CPUs qualifies. With device interrupts routed to every CPU
     * (KernelModel irqAnyCpu) the same device's events on two CPUs share its count, so the
     * reduction waits until none is left.
     */
    boolean[] prune(KState s, List<KState> successors) {
        MachineState m = s.machine();
        if (model.deviceEventsLeftOnAnyCpu(s)) {
            return null;
        }
        List<Integer> acts = model.actions(s);
        int steppingMask = 0;
        for (int a : acts) {
            steppingMask |= a >= 0 ? 1 << a : 0;
        }
        int stepping = Integer.bitCount(steppingMask);
        if (stepping < 2) {
            return null;
        }
        Footprint[] futures = new Footprint[m.ncpu];
        // the smallest set first (then the lowest CPUs): a set of all stepping CPUs prunes nothing
        for (int size = 1; size < stepping; size++) {
            for (int set = 1; set <= steppingMask; set++) {
                if ((set & ~steppingMask) == 0 && Integer.bitCount(set) == size
                        && persistent(s, successors, acts, set, futures)) {
                    boolean[] pruned = new boolean[successors.size()];
                    for (int j = 0; j < acts.size(); j++) {
                        pruned[j] = (set & (1 << cpuOf(s, acts.get(j)))) == 0;
                    }
                    return pruned;
                }
            }
        }
        return null;
    }

    /**
     * Whether the choices of the CPUs in {@code set} (a bit per CPU: their next steps and the
     * events aimed at them) are a persistent set: what each CPU left out can do on its own (its
     * local future) conflicts with none of those choices, and the futures of the CPUs left out do
     * not conflict with each other (each was searched with the others frozen, so together they
     * do only what their futures say only when none writes what another reads). Every run from s
     * that takes none of the set's choices is then made of the left-out CPUs' moves, each
     * independent of every choice in the set. With two CPUs the sets are the single CPUs of
     * before; from three CPUs on a set of two can be persistent where no single CPU is: two
     * CPUs that will each take a lock conflict with each other, and so did every single CPU's
     * set while the other two were to take it.
     */
    private boolean persistent(KState s, List<KState> successors, List<Integer> acts, int set, Footprint[] futures) {
        int ncpu = s.machine().ncpu;
        for (int j = 0; j < ncpu; j++) {
            if ((set & (1 << j)) != 0) {
                continue;
            }
            Footprint f = future(s, j, futures);
            boolean conflict = f == InterruptsReduction.FAIL_MARK || conflictsWithSet(s, successors, acts, set, f);
            if (conflict && f != InterruptsReduction.FAIL_MARK && isStale(s.handlers, j)) {
                f = futures[j] = freshLocalFuture(s, j);
                conflict = f == InterruptsReduction.FAIL_MARK || conflictsWithSet(s, successors, acts, set, f);
            }
            for (int k = j + 1; k < ncpu && !conflict; k++) {
                if ((set & (1 << k)) == 0) {
                    Footprint g = future(s, k, futures);
                    conflict = g == InterruptsReduction.FAIL_MARK || f.conflicts(g);
                }
            }
            if (conflict) {
                return false;
            }
        }
        return true;
    }

    /** The CPU a choice belongs to: a CPU's step, or the CPU an event is aimed at. */
    private int cpuOf(KState s, int action) {
        return action >= 0 ? action : model.targetCpu(s, action);
    }

    private Footprint future(KState s, int cpu, Footprint[] futures) {
        if (futures[cpu] == null) {
            futures[cpu] = localFuture(s, cpu);
        }
        return futures[cpu];
    }

    /** Whether a left-out CPU's future f conflicts with a choice of the set: a CPU's step or an event aimed at it. */
    private boolean conflictsWithSet(KState s, List<KState> successors, List<Integer> acts, int set, Footprint f) {
        for (int e = 0; e < acts.size(); e++) {
            if ((set & (1 << cpuOf(s, acts.get(e)))) == 0) {
                continue;
            }
            Footprint t = successors.get(e).step;
            if (t == null || t.unknown() || f.conflicts(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether h conflicts with nothing any CPU other than cpu can do on its own from s (their
     * local futures, computed or reused as for prune).
     */
    boolean commutesWithFutures(KState s, int cpu, Footprint h) {
        for (int j = 0; j < s.machine().ncpu; j++) {
            if (j != cpu) {
                Footprint f = localFuture(s, j);
                if (f == InterruptsReduction.FAIL_MARK || f.conflicts(h)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Cache key of a CPU's solo future among the handler footprints (event codes are negative). */
    private static int futureKey(int cpu) {
        return 1000 + cpu;
    }

    /**
     * Everything a CPU can do from s on its own: the union of the footprints of every
     * transition of a local search over its steps and the events aimed at it (other CPUs
     * frozen), including, when it waits now, the reads that would wake it; InterruptsReduction.FAIL_MARK when the local search
     * exceeds LOCAL_BOUND states or meets an unknown effect. Reused from the parent when the
     * step into s wrote nothing it reads (the local search would then see the same).
     */
    private Footprint localFuture(KState s, int cpu) {
        int key = futureKey(cpu);
        Footprint f = s.handlers.get(key);
        if (f != null) {
            return f;
        }
        Footprint commuting = InterruptsReduction.inherited(s, key);
        if (commuting != null) {
            s.handlers.put(key, commuting);
            if (isStale(s.parentHandlers, cpu)) {
                // stale in the parent (inherited through own steps): still only a cover here
                markStale(s, cpu, parentStaleAge(s, cpu) + (s.viaCpu == cpu ? 1 : 0));
            }
            return commuting;
        }
        if (s.parentHandlers != null && s.step != null) {
            Footprint p = s.parentHandlers.get(key);
            // a failed local search is retried only after the CPU has moved on (it would fail
            // the same way from a state where only others moved, and retrying costs a search)
            if (p == InterruptsReduction.FAIL_MARK && (s.viaCpu != cpu || parentStaleAge(s, cpu) + 1 < FAIL_RETRY_STEPS)) {
                s.handlers.put(key, p);
                s.staleAge[cpu] = parentStaleAge(s, cpu) + (s.viaCpu == cpu ? 1 : 0);
                return p;
            }
            // the CPU's own transition: what it can do from here it could do from the parent,
            // so the parent's future still covers it (less precisely: marked stale)
            if (p != null && p != InterruptsReduction.FAIL_MARK && s.viaCpu == cpu) {
                s.handlers.put(key, p);
                markStale(s, cpu, parentStaleAge(s, cpu) + 1);
                return p;
            }
        }
        f = exploreLocally(s, cpu);
        s.handlers.put(key, f);
        s.staleAge[cpu] = 0;
        return f;
    }

    /**
     * Marks CPU cpu's future in s as a cover only (inherited through own steps), age own steps
     * old. The mark is kept among the state's cached footprints, where the children see it
     * through parentHandlers, so that a future they inherit stays marked.
     */
    private static void markStale(KState s, int cpu, int age) {
        s.handlers.put(staleKey(cpu), STALE_MARK);
        s.staleAge[cpu] = age;
    }

    /** Whether the cached footprints (a state's handlers) mark CPU cpu's future stale. */
    private static boolean isStale(java.util.Map<Integer, Footprint> handlers, int cpu) {
        return handlers.get(staleKey(cpu)) == STALE_MARK;
    }

    /** Cache key of the mark that a CPU's future in the state is stale. */
    private static int staleKey(int cpu) {
        return 2000 + cpu;
    }

    /** The mark under staleKey. */
    private static final Footprint STALE_MARK = new Footprint();

    private int parentStaleAge(KState s, int cpu) {
        return s.parentStaleAge == null ? 0 : s.parentStaleAge[cpu];
    }

    /**
     * A fresh local future for a CPU whose inherited one was stale and conflicts: searched
     * again only every STALE_STEPS own steps (each search runs the CPU's whole future).
     */
    private Footprint freshLocalFuture(KState s, int cpu) {
        int key = futureKey(cpu);
        if (!isStale(s.handlers, cpu) || s.staleAge[cpu] < STALE_STEPS) {
            return s.handlers.get(key);
        }
        s.handlers.remove(staleKey(cpu));
        s.staleAge[cpu] = 0;
        Footprint f = exploreLocally(s, cpu);
        s.handlers.put(key, f);
        return f;
    }

    /**
     * A fresh local future of the CPU from s (not cached in s): InterruptsReduction.FAIL_MARK
     * when the search fails. Answered from the memo when a search from an equal side of the
     * CPU, with the same values of everything it read, was made before (LocalFutureMemo).
     */
    Footprint exploreLocally(KState s, int cpu) {
        if (!remembering()) {
            return search(s, cpu, new Footprint(), new Footprint());
        }
        if (memo == null) {
            memo = new LocalFutureMemo(model.events());
        }
        MachineState m = s.machine();
        long key = memo.key(m, cpu);
        Footprint known = memo.lookup(key, m);
        if (known != null) {
            if (verify) {
                Footprint fresh = search(s, cpu, new Footprint(), new Footprint());
                boolean same = fresh == InterruptsReduction.FAIL_MARK ? known == fresh
                        : known != InterruptsReduction.FAIL_MARK && known.sameWords(fresh);
                verifyMismatches += same ? 0 : 1;
            }
            return known;
        }
        Footprint f = new Footprint();
        Footprint deps = new Footprint();
        Footprint future = search(s, cpu, f, deps);
        memo.remember(key, m, future, f, deps);
        return future;
    }

    /** Whether local futures are remembered now: not under private-data, whose hidden accesses no footprint records. */
    private boolean remembering() {
        return remember && !model.hidesAccesses();
    }

    /** One local search: its future (f, or FAIL_MARK), with f and deps filled as searchLocally fills them. */
    private Footprint search(KState s, int cpu, Footprint f, Footprint deps) {
        return model.withoutTrace(() -> searchLocally(s, cpu, f, deps)) ? f : InterruptsReduction.FAIL_MARK;
    }

    /** Whether the CPU's only possible move in m is its own step (no event aimed at it). */
    private boolean isStraight(MachineState m, int cpu) {
        return !model.events().eventAimedAt(m, cpu);
    }

    /**
     * The local search of the CPU's future from s: the footprints of its transitions into f;
     * false when it fails. Whatever else the search's course depended on goes into deps (for
     * LocalFutureMemo): the words a wait loop that cannot step reads, the handler runs of events
     * it asked the interrupts reduction about, the interrupt runs that were not forced, and the
     * step that had an unknown effect.
     */
    private boolean searchLocally(KState s, int cpu, Footprint f, Footprint deps) {
        // waiting now, the CPU's first move is its wake-up, which reads what wakes it: the words
        // its wait loop reads under spin-waits, else the event register in wfe (an idle CPU's wfi
        // wakes on a pending interrupt only); a wait it comes to later is a step of the search,
        // whose footprint says so
        Footprint wake = model.wakeReads(s.machine(), cpu);
        if (wake != null) {
            f.addAll(wake);
        }
        f.read(Footprint.pending(cpu));
        java.util.ArrayDeque<KState> queue = new java.util.ArrayDeque<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        int walked = 0;
        queue.add(s);
        seen.add(model.fingerprint(s));
        while (!queue.isEmpty()) {
            if (seen.size() > LOCAL_BOUND || walked > 16 * LOCAL_BOUND) {
                return false;
            }
            KState st = queue.poll();
            List<Integer> mine = new ArrayList<>();
            List<KState> nexts = new ArrayList<>();
            List<Integer> moves = model.events().movesOf(st.machine(), cpu);
            if (moves.isEmpty() || moves.get(0) != cpu) {
                model.addWaitLoopReads(st.machine(), cpu, deps); // stuck in a wait loop, maybe
            }
            for (int a : moves) {
                if (a < 0 && a != KernelEvents.TIMER && moves.size() == 2 && !nexts.isEmpty()
                        && commutesAsKnown(st, a, nexts.get(0), f, deps)) {
                    continue; // the device's event, put off behind the CPU's step without a copy
                }
                KState next = model.apply(st, a);
                if (next.step == null || next.step.unknown()) {
                    if (next.step != null) {
                        deps.addAll(next.step);
                    }
                    return false;
                }
                f.addAll(next.step);
                mine.add(a);
                nexts.add(next);
            }
            for (int i = 0; i < mine.size(); i++) {
                KState next = nexts.get(i);
                if (next.violation() != null) {
                    continue;
                }
                if (mine.get(i) < 0 && mine.size() > 1) {
                    // the interrupts reduction inside the local search: an event whose handler
                    // commutes with the CPU's other moves here is taken later instead; its
                    // handler's effects are part of the future all the same
                    Footprint h = model.handlerFootprint(st, mine.get(i), next);
                    boolean commutes = h != InterruptsReduction.FAIL_MARK;
                    deps.addAll(commutes || !remembering() ? h : model.handlerRunWords(st, next, cpu));
                    for (int j = 0; j < nexts.size() && commutes; j++) {
                        commutes = j == i || (nexts.get(j).step != null && !nexts.get(j).step.conflicts(h));
                    }
                    if (commutes) {
                        f.addAll(h);
                        continue;
                    }
                }
                if (mine.get(i) < 0 && interruptsAsOneMove) {
                    // an interrupt the CPU can only run through as one path is one move here
                    KState end = model.runInterruptAlone(st, next, cpu, f, deps);
                    if (end != null) {
                        interruptsRunAsOneMove++;
                        if (seen.add(model.fingerprint(end))) {
                            queue.add(end);
                        }
                        continue;
                    }
                }
                ++walked;
                if (!seen.add(model.fingerprint(next))) {
                    continue;
                }
                // a state whose only move is the CPU's own step starts a straight run, stepped
                // in place (depth first: the union of the footprints does not depend on the order)
                if (isStraight(next.machine(), cpu)) {
                    walked = runStraight(next, cpu, f, deps, seen, queue, walked);
                    if (walked < 0) {
                        return false;
                    }
                } else {
                    queue.add(next);
                }
            }
        }
        return true;
    }

    /**
     * The in-search interrupts reduction (searchLocally) for a device's event a in st when its
     * handler footprint is known already (cached in st or inherited from its parent) and
     * commutes with the CPU's step into own, the other move: the handler's footprint (which
     * includes the raise's own) goes into f and deps, and the event needs no successor. What
     * searchLocally would do with the successor, without making it: a raise's footprint is the
     * same in every state (the pending line written, for eth0 the NIC's buffer too).
     */
    private boolean commutesAsKnown(KState st, int a, KState own, Footprint f, Footprint deps) {
        Footprint h = st.handlers.get(a);
        if (h == null) {
            h = InterruptsReduction.inherited(st, a);
        }
        if (h == null || h == InterruptsReduction.FAIL_MARK || own.step == null || own.violation() != null
                || own.step.conflicts(h)) {
            return false;
        }
        st.handlers.put(a, h); // where the CPU's successors inherit it from, as handlerFootprint leaves it
        f.addAll(h);
        deps.addAll(h);
        return true;
    }

    /**
     * A straight run of the local search from x (new, in seen: its only move is the CPU's own
     * step), stepped on x's machine itself rather than a copy and a state per step: each step's
     * footprint into f, each state it reaches into seen (the run ends at one seen before), the
     * state where it stops being straight queued. x's machine is the run's own (a successor
     * nothing else holds). Local steps outnumber the search's own steps many times over (the
     * irq/ioctl question: 4.8 million against 0.3 million), and a copy per step was most of
     * their cost. Returns walked as it ends, or -1 when the search fails (a bound, an effect
     * without a footprint).
     */
    private int runStraight(KState x, int cpu, Footprint f, Footprint deps, java.util.Set<Long> seen,
                            java.util.ArrayDeque<KState> queue, int walked) {
        MachineState m = x.machine();
        long locks = model.locksFingerprint(x);
        while (true) {
            if (seen.size() > LOCAL_BOUND || walked > 16 * LOCAL_BOUND) {
                return -1;
            }
            if (!model.events().canStep(m, cpu)) {
                model.addWaitLoopReads(m, cpu, deps);
                return walked; // no move: this path of the search ends here
            }
            // the step records into f itself (a failed search's f is among its checked words too)
            dev.spinlab.kernel.Finding fault = model.stepInPlace(m, cpu, f);
            if (f.unknown()) {
                return -1;
            }
            walked++;
            if (fault != null) {
                return walked;
            }
            boolean straight = isStraight(m, cpu);
            // the visited check at every state would cost a fingerprint per step: it is made at
            // the states where the run leaves the straight line and at checkpoints, chosen by the
            // CPU's code position (so that two runs along the same states meet at the same ones)
            // and at every 64th step (which ends a cycle through no checkpoint)
            if ((!straight || (walked & 63) == 0 || isCheckpoint(m, cpu)) && !seen.add(model.fingerprint(m, locks))) {
                return walked;
            }
            if (!straight) {
                queue.add(model.localState(m, x));
                return walked;
            }
        }
    }

    /** Whether the CPU's code position in m is a checkpoint of straight runs: one position in eight. */
    private static boolean isCheckpoint(MachineState m, int cpu) {
        int ctx = m.currentContext(cpu);
        if (ctx < 0) {
            return true;
        }
        dev.spinlab.machine.ExecContext c = m.peekContext(ctx);
        int fb = c.frameTop - dev.spinlab.machine.ExecContext.FRAME_WORDS;
        if (fb < 0) {
            return true;
        }
        long at = c.frames[fb + dev.spinlab.machine.ExecContext.F_FN] * 0x9E3779B97F4A7C15L
                + c.frames[fb + dev.spinlab.machine.ExecContext.F_PC] + c.frameTop;
        return (dev.spinlab.machine.Fingerprint.mix(at) & 7) == 0;
    }
}
