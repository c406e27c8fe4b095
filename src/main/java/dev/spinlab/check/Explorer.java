package dev.spinlab.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/*
 * Implementation notes.
 *
 * Explicit-state search over a Model. Breadth-first by default, level by level, so the first
 * trace found to a violation is a shortest one. The successors of a level are computed in
 * parallel (that is where the time goes: interpreting the machine), then merged in a fixed
 * order (parent index, choice) before they are deduplicated against the visited set, so the
 * result — states, traces, findings — is the same whatever the number of threads.
 *
 * Only fingerprints are kept for visited states (FingerprintSet), and for each state of each
 * level the index of its parent and the choice that led to it, 8 bytes a state; a trace is
 * rebuilt by walking those links back and replaying the choices from the initial state.
 *
 * Sleep sets (Godefroid), when the model names its choices (Model.label) and says which
 * commute (Model.independent): a choice taken from a state is asleep in the successors of the
 * choices taken after it there, as long as what happens commutes with it, and an asleep
 * choice is not taken (it was, in a commuting order, elsewhere). A state is covered with the
 * intersection of the sleep sets it was reached with (the map `sleeps`, fingerprint -> set):
 * met again in the same level, its entry's set shrinks before it is expanded; met again from
 * a later level with a smaller set, it is entered into the next level once more to take just
 * the choices that woke up (a re-expansion). The cycle proviso counts asleep kept choices too.
 *
 * Every bound is checked as the search goes and reported, never an OutOfMemoryError:
 * --max-states (the visited set's capacity), --max-depth, and --max-memory (heap in use).
 */
public final class Explorer<S> {
    public record Bounds(long maxStates, int maxDepth, long maxMemoryBytes, int threads) {
        public static Bounds defaults() {
            return new Bounds(2_000_000, 100_000, Runtime.getRuntime().maxMemory() * 3 / 4,
                    Runtime.getRuntime().availableProcessors());
        }
    }

    public enum Verdict { OK, FINDINGS, BOUND }

    /** One step of a trace: the choice taken and its description in the state it was taken. */
    /** One step of a trace: the choice taken (an index into the model's choices) and what it did. */
    public record Step(int choice, TraceStep view) {
        /** The step's line (TraceStep.text). */
        public String description() {
            return view.text();
        }
    }

    /** A violation with the shortest trace (BFS) that reaches it; the state is the violating one. */
    public record Finding<S>(dev.spinlab.kernel.Finding finding, List<Step> trace, S state) {
        /** The finding's one-line form: {@code kind: message [lock classes]}. */
        public String message() {
            return finding.headline();
        }
    }

    public record Result<S>(Verdict verdict, long states, long transitions, int depth, List<Finding<S>> findings,
                            String boundHit, long nanos) {}

    /** What a search has done so far (for a live progress line): states, transitions, depth, findings, time. */
    public record Progress(long states, long transitions, int depth, int findings, long nanos) {}

    private final Model<S> model;
    private final Bounds bounds;
    /** Hears the search's progress after each breadth-first level and every DFS_PROGRESS expansions. */
    private java.util.function.Consumer<Progress> progress = p -> { };
    private static final int DFS_PROGRESS = 4096;

    /**
     * Asked after each breadth-first level and every DFS_PROGRESS expansions with the search's
     * progress: true stops the search there, with {@link #STOPPED} as its bound (the
     * private-data reduction's restarts, PrivateSearch).
     */
    private java.util.function.Predicate<Progress> stopWhen = p -> false;

    public Explorer<S> stopWhen(java.util.function.Predicate<Progress> stop) {
        this.stopWhen = stop;
        return this;
    }

    /** The bound text of a search stopped by stopWhen. */
    public static final String STOPPED = "stopped for a restart";

    /** The bound text of a search stopped at its first deadlock or oops (stopAtFirst). */
    public static final String FIRST = "--stop-at-first";

    /**
     * Whether the search stops once it has found a state that violates the property (a deadlock,
     * an oops): breadth-first at the end of that level, so the finding's trace is a shortest one
     * and the level's other findings are kept; depth-first at once.
     */
    private boolean stopAtFirst;

    public Explorer<S> stopAtFirst(boolean on) {
        this.stopAtFirst = on;
        return this;
    }

    /** Tells listener how the search goes (it must be quick; it never steers the search). */
    public Explorer<S> onProgress(java.util.function.Consumer<Progress> listener) {
        this.progress = listener;
        return this;
    }
    /**
     * Models the worker threads compute successors with, one at a time each: a model whose
     * successor function is not thread-safe (KernelModel: one interpreter per kernel) gets one
     * copy per thread. Traces and the merge use {@link #model}, never while workers run.
     */
    private final java.util.concurrent.BlockingQueue<Model<S>> workers;

    /** With a thread-safe model, shared by bounds.threads() workers. */
    public Explorer(Model<S> model, Bounds bounds) {
        this(model, java.util.Collections.nCopies(Math.max(1, bounds.threads()), model), bounds);
    }

    /**
     * With one model per worker thread (bounds.threads() of them, or as many as given): states
     * must mean the same to every model, as for kernels booted identically.
     */
    public Explorer(Model<S> model, List<? extends Model<S>> workerModels, Bounds bounds) {
        this.model = model;
        this.bounds = bounds;
        this.workers = new java.util.concurrent.LinkedBlockingQueue<>(workerModels);
    }

    /**
     * A successor; spare when the model's reduction pruned it (explored only under the proviso).
     * An asleep or spare successor does not keep its state (null): most are never explored, and
     * a level's successors held until its merge are most of the heap a search's collections copy
     * (on three CPUs, 70% of them are asleep or spare and under 1% of the spares are explored).
     * The merge makes the state again from the parent when it needs it (stateOf). stepReports
     * are what the kernel reported on the transition, kept from the first making of it.
     */
    private record Node<S>(S state, long fp, int parent, int choice, boolean spare, boolean asleep, long sleep,
                           List<dev.spinlab.kernel.Finding> parentReports,
                           List<dev.spinlab.kernel.Finding> stepReports, int[] passed, long[] passedFps,
                           long[] passedSleeps, List<Node<S>> expansion) {
        Node(S state, long fp, int parent, int choice, boolean spare, boolean asleep, long sleep,
             List<dev.spinlab.kernel.Finding> parentReports, List<dev.spinlab.kernel.Finding> stepReports) {
            this(state, fp, parent, choice, spare, asleep, sleep, parentReports, stepReports, null, null, null, null);
        }
    }

    /**
     * n with its state, made again from its parent when the node did not keep it. The successor
     * function is deterministic (traces rely on it too); a state that comes out different is an
     * internal error, not a search that goes on from a state it did not check.
     */
    private Node<S> stateOf(Node<S> n, S parent) {
        if (n.state() != null) {
            return n;
        }
        S again = model.successor(parent, n.choice());
        if (model.fingerprint(again) != n.fp()) {
            throw new IllegalStateException("internal error: choice " + n.choice() + " made a different state again");
        }
        return new Node<>(again, n.fp(), n.parent(), n.choice(), n.spare(), n.asleep(), n.sleep(), n.parentReports(),
                n.stepReports(), n.passed(), n.passedFps(), n.passedSleeps(), n.expansion());
    }

    /** A frontier entry's "only" mask meaning: expand normally (not a re-expansion). */
    private static final long ALL = -1L;

    /** A state on the depth-first stack: its successors, the order to take them in, progress. */
    private static final class Frame<S> {
        final S state;
        final long fp;
        List<S> successors;
        int[] order;
        int next;
        int taken = -1;

        Frame(S state, long fp) {
            this.state = state;
            this.fp = fp;
        }
    }

    /**
     * Depth-first search (--search dfs): the same reductions (but no sleep sets, so at least
     * bfs()'s states) and findings as bfs() when it finishes, found with far less memory for
     * the frontier, but a finding's trace is the path the search happened to take, not a
     * shortest one. Single-threaded. The cycle
     * proviso here is the depth-first one: a state whose kept successor is on the stack is
     * expanded fully.
     */
    public Result<S> dfs() {
        long t0 = System.nanoTime();
        FingerprintSet visited = new FingerprintSet(bounds.maxStates());
        Map<String, Finding<S>> findings = new LinkedHashMap<>();
        java.util.Set<Long> onStack = new java.util.HashSet<>();
        java.util.ArrayDeque<Frame<S>> stack = new java.util.ArrayDeque<>();
        S init = model.initial();
        long fp0 = model.fingerprint(init);
        visited.add(fp0);
        long transitions = 0;
        int maxDepth = 0;
        String bound = null;
        dev.spinlab.kernel.Finding v0 = model.violation(init);
        if (v0 != null) {
            findings.put(v0.key(), new Finding<>(v0, List.of(), init));
        } else {
            stack.push(new Frame<>(init, fp0));
            onStack.add(fp0);
        }
        long expanded = 0;
        while (!stack.isEmpty() && bound == null) {
            Frame<S> top = stack.peek();
            if (top.successors == null) {
                if (++expanded % DFS_PROGRESS == 0) {
                    Progress now = new Progress(visited.size(), transitions, stack.size(), findings.size(),
                            System.nanoTime() - t0);
                    progress.accept(now);
                    if (stopWhen.test(now)) {
                        bound = STOPPED;
                        break;
                    }
                }
                int n = model.choices(top.state);
                List<S> succ = new ArrayList<>(n);
                for (int c = 0; c < n; c++) {
                    succ.add(model.successor(top.state, c));
                }
                top.successors = succ;
                for (dev.spinlab.kernel.Finding rep : n > 0 ? model.stateReports(top.state, succ)
                        : List.<dev.spinlab.kernel.Finding>of()) {
                    findings.computeIfAbsent(rep.key(), r -> new Finding<>(rep, path(stack, -1), top.state));
                }
                boolean[] pruned = model.prune(top.state, succ);
                boolean proviso = false;
                List<Integer> kept = new ArrayList<>();
                for (int c = 0; c < n; c++) {
                    if (pruned == null || !pruned[c]) {
                        kept.add(c);
                        proviso |= pruned != null && onStack.contains(model.fingerprint(succ.get(c)));
                    }
                }
                if (proviso) {
                    kept.clear();
                    for (int c = 0; c < n; c++) {
                        kept.add(c);
                    }
                }
                top.order = kept.stream().mapToInt(Integer::intValue).toArray();
                for (int c = 0; c < n && kept.size() < n; c++) {
                    if (pruned[c]) { // kept.size() < n: pruned, and not all kept by the proviso
                        recordTransition(succ.get(c), stack, c, findings);
                    }
                }
                if (overMemory()) {
                    bound = "--max-memory " + (bounds.maxMemoryBytes() >> 20) + " MiB";
                    break;
                }
            }
            if (top.next >= top.order.length) {
                onStack.remove(top.fp);
                stack.pop();
                continue;
            }
            int c = top.order[top.next++];
            top.taken = c;
            S t = top.successors.get(c);
            transitions++;
            long fp = model.fingerprint(t);
            FingerprintSet.Added a = visited.add(fp);
            if (a == FingerprintSet.Added.FULL) {
                bound = "--max-states " + bounds.maxStates();
                break;
            }
            if (a != FingerprintSet.Added.NEW) {
                recordTransition(t, stack, c, findings);
                continue;
            }
            for (dev.spinlab.kernel.Finding rep : model.reports(t)) {
                findings.computeIfAbsent(rep.key(), r -> new Finding<>(rep, path(stack, c), t));
            }
            dev.spinlab.kernel.Finding v = model.violation(t);
            if (v != null) {
                findings.computeIfAbsent(v.key(), r -> new Finding<>(v, path(stack, c), t));
                if (stopAtFirst) {
                    bound = FIRST;
                    break;
                }
                continue;
            }
            if (stack.size() >= bounds.maxDepth()) {
                bound = "--max-depth " + bounds.maxDepth();
                break;
            }
            stack.push(new Frame<>(t, fp));
            onStack.add(fp);
            maxDepth = Math.max(maxDepth, stack.size() - 1);
        }
        Verdict v = !findings.isEmpty() ? Verdict.FINDINGS : bound != null ? Verdict.BOUND : Verdict.OK;
        return new Result<>(v, visited.size(), transitions, maxDepth, new ArrayList<>(findings.values()), bound,
                System.nanoTime() - t0);
    }

    /**
     * What a transition reported (lockdep's reports, printed ones) when its successor is not
     * entered as a new state (pruned, asleep, or already visited): the report is true of that
     * path, and made once per search (lockdep's distinct reports), so dropping it with the
     * successor would lose it for good (found by ReductionProperties: a recursive-locking report
     * missed under all,private-data). Its trace ends with the transition.
     */
    private void recordTransition(S succ, java.util.ArrayDeque<Frame<S>> stack, int choice,
                                  Map<String, Finding<S>> findings) {
        for (dev.spinlab.kernel.Finding rep : model.reports(succ)) {
            findings.computeIfAbsent(rep.key(), r -> new Finding<>(rep, path(stack, choice), succ));
        }
    }

    /** As recordTransition, breadth-first: parent is the state at index of level depth. */
    private void recordTransition(Node<S> n, S parent, int depth, int index, List<int[]> parents,
                                  Map<String, Finding<S>> findings) {
        for (dev.spinlab.kernel.Finding rep : n.stepReports()) {
            if (!findings.containsKey(rep.key())) {
                List<Step> steps = new ArrayList<>(trace(depth, index, parents));
                appendSteps(steps, parent, link(n.choice(), n.passed()));
                findings.put(rep.key(), new Finding<>(rep, steps, stateOf(n, parent).state()));
            }
        }
    }

    /**
     * What the expansion a pass made of a node's state reported (Node.expansion) when the node
     * is not entered as a new state, whose expansion would have recorded it: recorded here, each
     * with a trace through the node's state and the transition that made it.
     */
    private void recordMade(Node<S> n, S parent, int depth, int index, List<int[]> parents,
                            Map<String, Finding<S>> findings) {
        if (n.expansion() == null) {
            return;
        }
        for (Node<S> c : n.expansion()) {
            List<dev.spinlab.kernel.Finding> reps = new ArrayList<>(c.parentReports());
            reps.addAll(c.stepReports());
            for (dev.spinlab.kernel.Finding rep : reps) {
                if (!findings.containsKey(rep.key())) {
                    List<Step> steps = new ArrayList<>(trace(depth, index, parents));
                    S at = appendSteps(steps, parent, link(n.choice(), n.passed()));
                    boolean ofState = c.parentReports().contains(rep);
                    S after = ofState ? at : appendSteps(steps, at, new int[] {c.choice()});
                    findings.put(rep.key(), new Finding<>(rep, steps, after));
                }
            }
        }
    }

    /** The steps along the depth-first stack (bottom first), then the choice last taken from the top. */
    private List<Step> path(java.util.ArrayDeque<Frame<S>> stack, int last) {
        List<Step> steps = new ArrayList<>();
        java.util.Iterator<Frame<S>> it = stack.descendingIterator();
        while (it.hasNext()) {
            Frame<S> f = it.next();
            int c = f == stack.peek() ? last : f.taken;
            if (c >= 0) {
                steps.add(new Step(model.traceChoice(f.state, c), model.step(f.state, c)));
            }
        }
        return steps;
    }

    public Result<S> bfs() {
        long t0 = System.nanoTime();
        FingerprintSet visited = new FingerprintSet(bounds.maxStates());
        List<int[]> parents = new ArrayList<>();   // per level: parent index, choice, interleaved
        Map<String, Finding<S>> findings = new LinkedHashMap<>();
        S init = model.initial();
        visited.add(model.fingerprint(init));
        List<S> frontier = new ArrayList<>(List.of(init));
        List<long[]> meta = new ArrayList<>();
        meta.add(new long[] {0, ALL});
        List<List<Node<S>>> expansions = new ArrayList<>();
        expansions.add(null);
        List<Long> expansionSleeps = new ArrayList<>();
        expansionSleeps.add(0L);
        passedLinks.clear();
        LongLongMap sleeps = new LongLongMap(); // fingerprint -> sleep set it is covered with (absent: none)
        parents.add(new int[] {-1, -1});
        long transitions = 0;
        int depth = 0;
        String bound = null;
        dev.spinlab.kernel.Finding v0 = model.violation(init);
        if (v0 != null) {
            record(v0, init, 0, 0, parents, findings);
            if (stopAtFirst) {
                frontier = List.of();
                bound = FIRST;
            }
        }
        int threads = Math.min(bounds.threads(), workers.size());
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "spinlab-check");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            while (!frontier.isEmpty()) {
                if (depth >= bounds.maxDepth()) {
                    bound = "--max-depth " + bounds.maxDepth();
                    break;
                }
                memoryExceeded = false;
                List<Node<S>> next;
                try {
                    next = expand(frontier, meta, expansions, expansionSleeps, visited, pool, threads);
                } catch (OutOfMemoryError e) {
                    // last resort: the per-node checks below normally stop a level before this
                    next = null;
                    memoryExceeded = true;
                }
                if (memoryExceeded) {
                    next = null;
                    System.gc();
                    bound = "--max-memory " + (bounds.maxMemoryBytes() >> 20) + " MiB";
                    break;
                }
                next.sort(Comparator.<Node<S>>comparingInt(Node::parent).thenComparingInt(Node::choice));
                Level<S> level = new Level<>();
                List<Integer> links = level.links;
                int g = 0;
                while (g < next.size() && bound == null) {
                    int parent = next.get(g).parent();
                    int end = g;
                    while (end < next.size() && next.get(end).parent() == parent) {
                        end++;
                    }
                    // cycle proviso: when a kept successor was seen at this depth or above (an
                    // edge that does not go one level down), the pruned ones are explored too.
                    // Every cycle has such an edge, so no choice is postponed around a cycle
                    // forever; a successor first met in the next level by another parent is a
                    // merge of two paths, not a cycle, and needs nothing
                    // what the model saw in the parent with its successors at hand (data races)
                    for (dev.spinlab.kernel.Finding rep : next.get(g).parentReports()) {
                        record(rep, frontier.get(parent), depth, parent, parents, findings);
                    }
                    boolean old = false;
                    boolean spares = false;
                    boolean[] entered = new boolean[end - g];
                    for (int i = g; i < end && bound == null; i++) {
                        Node<S> n = next.get(i);
                        if (n.asleep() && !n.spare() && visited.contains(n.fp())) {
                            // the proviso is about the kept set, asleep or not: a choice asleep
                            // here may close a cycle as well as an explored one
                            old |= !level.firstMetHere(n.fp());
                        }
                        if (n.spare() || n.asleep()) {
                            spares |= n.spare() && !n.asleep();
                            continue;
                        }
                        transitions++;
                        Seen a = null;
                        if (n.passed() != null) {
                            transitions += n.passed().length;
                            a = visitPassed(n, frontier.get(parent), visited, sleeps, depth, level, parents, findings);
                        }
                        if (a == null) {
                            a = visit(n, visited, sleeps, depth, level, parents, findings);
                        }
                        if (a == Seen.FULL) {
                            bound = "--max-states " + bounds.maxStates();
                        }
                        entered[i - g] = a == Seen.NEW;
                        old |= a == Seen.OLD;
                    }
                    if (spares && old) {
                        for (int i = g; i < end && bound == null; i++) {
                            Node<S> n = next.get(i);
                            if (n.spare() && !n.asleep()) {
                                n = stateOf(n, frontier.get(parent));
                                next.set(i, n);
                                transitions++;
                                Seen a = visit(n, visited, sleeps, depth, level, parents, findings);
                                if (a == Seen.FULL) {
                                    bound = "--max-states " + bounds.maxStates();
                                }
                                entered[i - g] = a == Seen.NEW;
                            }
                        }
                    }
                    for (int i = g; i < end && bound == null; i++) {
                        if (!entered[i - g]) {
                            recordTransition(next.get(i), frontier.get(parent), depth, parent, parents, findings);
                            recordMade(next.get(i), frontier.get(parent), depth, parent, parents, findings);
                        }
                    }
                    g = end;
                }
                boolean violated = checkFresh(level, depth, parents, findings, pool, threads);
                if (violated && stopAtFirst && bound == null) {
                    bound = FIRST;
                }
                parents.add(toArray(links));
                depth++;
                Progress now = new Progress(visited.size(), transitions, depth, findings.size(), System.nanoTime() - t0);
                progress.accept(now);
                // violating states stay in the list as null (not expanded), so that the parent
                // indices recorded for the next level keep pointing at the right entries
                frontier = level.states;
                meta = level.meta;
                expansions = level.expansions;
                expansionSleeps = level.expansionSleeps;
                if (frontier.stream().allMatch(java.util.Objects::isNull)) {
                    frontier = List.of();
                }
                if (bound != null) {
                    break;
                }
                if (stopWhen.test(now)) {
                    bound = STOPPED;
                    break;
                }
                if (overMemory()) {
                    System.gc();
                    if (overMemory()) {
                        bound = "--max-memory " + (bounds.maxMemoryBytes() >> 20) + " MiB";
                        break;
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        Verdict v = !findings.isEmpty() ? Verdict.FINDINGS : bound != null ? Verdict.BOUND : Verdict.OK;
        return new Result<>(v, visited.size(), transitions, depth, new ArrayList<>(findings.values()), bound,
                System.nanoTime() - t0);
    }

    /** The next level as it is built: its states, their {sleep, only} entries, parent links. */
    private static final class Level<S> {
        final List<S> states = new ArrayList<>();
        /** Indices of the states entered as new, whose reports and violation are still to be recorded. */
        final List<Integer> fresh = new ArrayList<>();
        /** What the transitions into the fresh states reported (their nodes' stepReports), by fresh entry. */
        final List<List<dev.spinlab.kernel.Finding>> freshReports = new ArrayList<>();
        final List<long[]> meta = new ArrayList<>();
        /**
         * Per state: its successors as the pass that stopped at it made them (pass-through, with
         * the sleep set it was entered with, parent index -1), or null: its expansion, made once.
         */
        final List<List<Node<S>>> expansions = new ArrayList<>();
        /** The sleep set each of expansions was made with: it is used only if the state's is the same when expanded. */
        final List<Long> expansionSleeps = new ArrayList<>();
        final List<Integer> links = new ArrayList<>();
        /** Fingerprint -> index in states, for states entered into this level. */
        final LongLongMap index = new LongLongMap();

        /** Whether the state was first met in this level (entered as new, not re-expanded). */
        boolean firstMetHere(long fp) {
            long at = index.get(fp, -1);
            return at >= 0 && meta.get((int) at)[1] == ALL;
        }
    }

    /** What visiting a node found: a new state, one first met in this level, an older one, or the bound. */
    private enum Seen { NEW, THIS_LEVEL, OLD, FULL }

    /**
     * Adds n to the visited set and, when new, to the next level, recording what it reports.
     * Sleep sets: a state is covered with the intersection of the sleep sets it was reached
     * with. Met again in this level, its entry's sleep set shrinks before it is expanded; an
     * older state reached with a smaller sleep set is entered into the next level again to
     * explore just the choices that were asleep before and are not now (a re-expansion).
     */
    private Seen visit(Node<S> n, FingerprintSet visited, LongLongMap sleeps, int depth, Level<S> level,
                       List<int[]> parents, Map<String, Finding<S>> findings) {
        FingerprintSet.Added a = visited.add(n.fp());
        if (a == FingerprintSet.Added.FULL) {
            return Seen.FULL;
        }
        if (a == FingerprintSet.Added.NEW) {
            if (n.sleep() != 0) {
                sleeps.put(n.fp(), n.sleep());
            }
            level.fresh.add(enter(n, level, n.state(), new long[] {n.sleep(), ALL})); // checked by checkFresh
            level.freshReports.add(n.stepReports());
            return Seen.NEW;
        }
        long at = level.index.get(n.fp(), -1);
        boolean fresh = level.firstMetHere(n.fp());
        long stored = sleeps.get(n.fp(), 0);
        long lost = stored & ~n.sleep();
        if (lost != 0) {
            sleeps.put(n.fp(), stored & n.sleep());
            if (at >= 0) {
                long[] m = level.meta.get((int) at);
                m[0] = stored & n.sleep();
                if (m[1] != ALL) {
                    m[1] |= lost;
                }
            } else if (model.violation(n.state()) == null) {
                enter(n, level, n.state(), new long[] {stored & n.sleep(), lost});
            }
        }
        return fresh ? Seen.THIS_LEVEL : Seen.OLD;
    }

    /**
     * Adds the states n passed through (pass-through) to the visited set, in order, with the
     * sleep sets they were passed with: they were explored (their one choice taken), so a later
     * path that meets one stops there, as at any explored state. When one of them was visited
     * already (by a path merged before this one), n's pass is cut there: that state is visited
     * as n's successor would be (its sleep set, a re-expansion, the proviso), and the rest of
     * the pass is not entered. Returns null when every passed state was new (n's own state is
     * then visited as usual), else what visiting the cut state found.
     */
    private Seen visitPassed(Node<S> n, S parent, FingerprintSet visited, LongLongMap sleeps, int depth,
                             Level<S> level, List<int[]> parents, Map<String, Finding<S>> findings) {
        long[] fps = n.passedFps();
        long[] passedSleeps = n.passedSleeps();
        for (int j = 0; j < fps.length; j++) {
            FingerprintSet.Added a = visited.add(fps[j]);
            if (a == FingerprintSet.Added.FULL) {
                return Seen.FULL;
            }
            if (a == FingerprintSet.Added.NEW) {
                if (passedSleeps[j] != 0) {
                    sleeps.put(fps[j], passedSleeps[j]);
                }
                continue;
            }
            int[] prefix = j == 0 ? null : java.util.Arrays.copyOf(n.passed(), j);
            long lost = sleeps.get(fps[j], 0) & ~passedSleeps[j];
            S state = null;
            if (lost != 0) { // re-expanded: its state again, from the parent
                state = appendSteps(new ArrayList<>(), parent, link(n.choice(), prefix));
            }
            Node<S> cut = new Node<>(state, fps[j], n.parent(), n.choice(), false, false, passedSleeps[j],
                    n.parentReports(), List.of(), prefix, null, null, null);
            return visit(cut, visited, sleeps, depth, level, parents, findings);
        }
        return null;
    }

    /**
     * Records what the level's new states report and which of them violate the property (those
     * are reported, not expanded: null in the level), in the order they were entered; returns
     * whether one did. Asking the
     * model is done by the workers in parallel (the deadlock test computes a state's choices,
     * which its expansion reuses); recording stays here, in order, so the result is the same
     * for any number of threads.
     */
    private boolean checkFresh(Level<S> level, int depth, List<int[]> parents, Map<String, Finding<S>> findings,
                               ExecutorService pool, int threads) {
        int n = level.fresh.size();
        List<List<dev.spinlab.kernel.Finding>> reports = level.freshReports;
        dev.spinlab.kernel.Finding[] violations = new dev.spinlab.kernel.Finding[n];
        forEachIndex(n, pool, threads, (m, i) -> violations[i] = m.violation(level.states.get(level.fresh.get(i))));
        for (int i = 0; i < n; i++) {
            int index = level.fresh.get(i);
            S st = level.states.get(index);
            for (dev.spinlab.kernel.Finding rep : reports.get(i)) {
                record(rep, st, depth + 1, index, parentsWith(parents, level.links), findings);
            }
            if (violations[i] != null) {
                record(violations[i], st, depth + 1, index, parentsWith(parents, level.links), findings);
                level.states.set(index, null); // a violating state is reported, not expanded
            }
        }
        level.fresh.clear();
        level.freshReports.clear();
        return java.util.Arrays.stream(violations).anyMatch(java.util.Objects::nonNull);
    }

    /**
     * Calls body(model, i) for i in [0, n), on the worker threads when there are enough, each
     * with its own model. Work is handed out in small batches from a shared index, so a thread
     * that drew cheap states takes more of them: levels are small (hundreds of states) and a
     * state costs from one step to a whole interrupt handler run, so fixed chunks left one core
     * idle at the end of most levels. Callers put results by index: they do not depend on who
     * computed what.
     */
    private void forEachIndex(int n, ExecutorService pool, int threads,
                              java.util.function.ObjIntConsumer<Model<S>> body) {
        if (pool == null || n < 8) {
            for (int i = 0; i < n; i++) {
                body.accept(model, i);
            }
            return;
        }
        int batch = Math.max(1, Math.min(16, n / (threads * 8)));
        java.util.concurrent.atomic.AtomicInteger nextIndex = new java.util.concurrent.atomic.AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                Model<S> m = workers.take();
                try {
                    for (int lo; (lo = nextIndex.getAndAdd(batch)) < n; ) {
                        for (int i = lo; i < Math.min(n, lo + batch); i++) {
                            body.accept(m, i);
                        }
                    }
                } finally {
                    workers.add(m);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            await(f);
        }
    }

    /** The result of a worker's task, its exception rethrown as it was (an OutOfMemoryError included). */
    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private int enter(Node<S> n, Level<S> level, S state, long[] meta) {
        int index = level.states.size();
        level.links.add(n.parent());
        if (n.passed() == null) {
            level.links.add(n.choice());
        } else {
            passedLinks.add(link(n.choice(), n.passed()));
            level.links.add(-passedLinks.size());
        }
        level.index.put(n.fp(), index);
        level.states.add(state);
        level.meta.add(meta);
        level.expansions.add(n.expansion());
        level.expansionSleeps.add(n.sleep());
        return index;
    }

    private List<Node<S>> expand(List<S> frontier, List<long[]> meta, List<List<Node<S>>> expansions,
                                 List<Long> expansionSleeps, FingerprintSet visited, ExecutorService pool,
                                 int threads) {
        int n = frontier.size();
        @SuppressWarnings("unchecked")
        List<Node<S>>[] outs = new List[n];
        boolean passThrough = model.passesThrough();
        forEachIndex(n, pool, threads, (m, i) -> {
            List<Node<S>> out = new ArrayList<>();
            List<Node<S>> made = expansions.get(i);
            if (made != null && meta.get(i)[1] == ALL && meta.get(i)[0] == expansionSleeps.get(i)
                    && frontier.get(i) != null) {
                for (Node<S> c : made) {
                    out.add(new Node<>(c.state(), c.fp(), i, c.choice(), c.spare(), c.asleep(), c.sleep(),
                            c.parentReports(), c.stepReports()));
                }
            } else {
                successors(m, frontier.get(i), i, meta.get(i), made, out);
            }
            outs[i] = out;
        });
        List<Node<S>> all = new ArrayList<>();
        for (List<Node<S>> out : outs) {
            all.addAll(out);
        }
        if (passThrough) {
            // one task a kept successor, not a state: a level may hold few states whose passes
            // are long, and a thread per state would leave the other cores waiting on one
            forEachIndex(all.size(), pool, threads, (m, i) -> {
                Node<S> node = all.get(i);
                if (node.state() != null) {
                    all.set(i, passThrough(m, node, visited));
                }
            });
        }
        return all;
    }

    /** Set by a worker that finds the heap over --max-memory while expanding a level. */
    private volatile boolean memoryExceeded;

    private boolean overMemory() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory() > bounds.maxMemoryBytes();
    }

    /**
     * The successors of a frontier entry as nodes: kept ones, spares (pruned, explored only
     * under the proviso) and asleep ones (never explored from here, see bfs()), each with the
     * sleep set it carries: the entry's sleep set and the choices explored before it here, as
     * far as they commute with it (explored order: kept, then spares, each by choice).
     * meta is {sleep, only}: only != ALL re-expands a state for the choices in only.
     */
    private void successors(Model<S> model, S s, int index, long[] meta, List<Node<S>> made, List<Node<S>> out) {
        if (s == null || memoryExceeded) {
            return;
        }
        if ((index & 63) == 0 && overMemory()) {
            System.gc();
            if (overMemory()) {
                memoryExceeded = true;
                return;
            }
        }
        long sleep = meta[0];
        long only = meta[1];
        int n = model.choices(s);
        List<S> succ = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            succ.add(model.successor(s, c));
        }
        boolean[] pruned = only == ALL ? model.prune(s, succ) : null;
        List<dev.spinlab.kernel.Finding> reports = n > 0 ? model.stateReports(s, succ) : List.of();
        int[] labels = new int[n];
        boolean[] asleep = new boolean[n];
        for (int c = 0; c < n; c++) {
            labels[c] = model.label(s, c);
            boolean named = labels[c] >= 0;
            asleep[c] = only == ALL ? named && (sleep & (1L << labels[c])) != 0
                    : !named || (only & (1L << labels[c])) == 0;
        }
        long[] childSleep = new long[n];
        List<Integer> before = new ArrayList<>(); // the sleep set's choices, then those explored
        for (int c = 0; c < n; c++) {
            if (labels[c] >= 0 && (sleep & (1L << labels[c])) != 0) {
                before.add(c);
            }
        }
        Integer[] order = new Integer[n];
        int[] priority = new int[n];
        for (int c = 0; c < n; c++) {
            order[c] = c;
            priority[c] = model.priority(s, c);
        }
        java.util.Arrays.sort(order, Comparator.<Integer>comparingInt(c -> priority[c]).thenComparingInt(c -> c));
        for (int pass = 0; pass < 2; pass++) {
            for (int c : order) {
                boolean spare = pruned != null && pruned[c];
                if (asleep[c] || spare != (pass == 1)) {
                    continue;
                }
                long z = 0;
                for (int b : before) {
                    if (labels[b] >= 0 && model.independent(s, succ, b, c)) {
                        z |= 1L << labels[b];
                    }
                }
                childSleep[c] = z;
                before.add(c);
            }
        }
        for (int c = 0; c < n; c++) {
            S t = succ.get(c);
            boolean spare = pruned != null && pruned[c];
            out.add(new Node<>(spare || asleep[c] ? null : t, model.fingerprint(t), index, c, spare, asleep[c],
                    childSleep[c], c == 0 ? reports : List.of(), withMade(model.reports(t), made, c)));
        }
    }

    /**
     * A transition's reports with those an earlier making of it reported (made: an expansion
     * made by a pass and not used, as the state's sleep set changed since): a report is made
     * once a search.
     */
    private static <S> List<dev.spinlab.kernel.Finding> withMade(List<dev.spinlab.kernel.Finding> reports,
                                                               List<Node<S>> made, int c) {
        if (made == null || c >= made.size() || made.get(c).stepReports().isEmpty()) {
            return reports;
        }
        Map<String, dev.spinlab.kernel.Finding> all = new LinkedHashMap<>();
        for (dev.spinlab.kernel.Finding f : made.get(c).stepReports()) {
            all.putIfAbsent(f.key(), f);
        }
        for (dev.spinlab.kernel.Finding f : reports) {
            all.putIfAbsent(f.key(), f);
        }
        return new ArrayList<>(all.values());
    }

    /** States passed through after one choice at most (pass-through): a bound, as a loop of such states has no end. */
    static final int MAX_PASSED = 256;

    /*
     * Pass-through (issue 15: the intermediate states that partial-order reduction keeps).
     * Where the reduction leaves a state one choice to explore — one CPU steps alone, the
     * others' steps pruned, nothing asleep — the state is never a branch point, so it need not
     * be stored: the search goes on through it within the same transition and stores the state
     * where that stops. It stops at a state that has two or more choices to explore or none, a
     * violation, something to report (its transition's or its successors' reports, a data race),
     * a state already visited (a merge: found at once, not after a duplicate run), or after
     * MAX_PASSED states. What is explored is unchanged: the states passed through are those the
     * search would have stored with exactly this one successor. Pruned choices of a state passed
     * through are explored only if the cycle proviso fires, and it fires on the stored state the
     * pass started from, which lies on the same cycle: every cycle still has a fully expanded
     * state. Sleep sets go through as through single transitions: a sleeping choice stays asleep
     * while it is independent of each step passed.
     */
    private Node<S> passThrough(Model<S> m, Node<S> node, FingerprintSet visited) {
        S u = node.state();
        long fp = node.fp();
        long sleep = node.sleep();
        List<dev.spinlab.kernel.Finding> lastReports = node.stepReports();
        int[] passed = new int[8];
        long[] fps = new long[8];
        long[] sleeps = new long[8];
        int count = 0;
        List<Node<S>> expansion = null;
        while (count < MAX_PASSED && lastReports.isEmpty() && !visited.contains(fp) && m.violation(u) == null) {
            List<Node<S>> out = new ArrayList<>();
            successors(m, u, -1, new long[] {sleep, ALL}, null, out);
            if (memoryExceeded) {
                break; // the level ends here with the memory bound
            }
            Node<S> only = null;
            int kept = 0;
            boolean reported = !out.isEmpty() && !out.get(0).parentReports().isEmpty();
            for (Node<S> c : out) {
                if (!c.spare()) {
                    kept++;
                    only = c;
                }
                reported |= !c.stepReports().isEmpty();
            }
            if (kept != 1 || only.asleep() || reported) {
                expansion = out; // the state is stored: its next expansion is this one (Level.expansions)
                break;
            }
            if (count == passed.length) {
                passed = java.util.Arrays.copyOf(passed, 2 * count);
                fps = java.util.Arrays.copyOf(fps, 2 * count);
                sleeps = java.util.Arrays.copyOf(sleeps, 2 * count);
            }
            fps[count] = fp;
            sleeps[count] = sleep;
            passed[count++] = only.choice();
            u = only.state();
            fp = only.fp();
            sleep = only.sleep();
            lastReports = only.stepReports();
        }
        if (count == 0 && expansion == null) {
            return node;
        }
        if (count == 0) {
            return new Node<>(u, fp, node.parent(), node.choice(), false, false, sleep, node.parentReports(),
                    lastReports, null, null, null, expansion);
        }
        return new Node<>(u, fp, node.parent(), node.choice(), false, false, sleep, node.parentReports(), lastReports,
                java.util.Arrays.copyOf(passed, count), java.util.Arrays.copyOf(fps, count),
                java.util.Arrays.copyOf(sleeps, count), expansion);
    }

    private static List<int[]> parentsWith(List<int[]> parents, List<Integer> current) {
        List<int[]> all = new ArrayList<>(parents);
        all.add(toArray(current));
        return all;
    }

    private static int[] toArray(List<Integer> l) {
        int[] a = new int[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    /** Records the first (hence shortest) trace for each distinct violation. */
    private void record(dev.spinlab.kernel.Finding v, S s, int depth, int index, List<int[]> parents,
                        Map<String, Finding<S>> findings) {
        if (!findings.containsKey(v.key())) {
            findings.put(v.key(), new Finding<>(v, trace(depth, index, parents), s));
        }
    }

    /** The choices from the initial state to (depth, index), with their descriptions. */
    private List<Step> trace(int depth, int index, List<int[]> parents) {
        int[] choices = new int[depth];
        int i = index;
        for (int d = depth; d > 0; d--) {
            int[] level = parents.get(d);
            choices[d - 1] = level[2 * i + 1];
            i = level[2 * i];
        }
        List<Step> steps = new ArrayList<>();
        S s = model.initial();
        for (int c : choices) {
            s = appendSteps(steps, s, c >= 0 ? new int[] {c} : passedLinks.get(-c - 1));
        }
        return steps;
    }

    /** The steps of choices taken one after the other from s (a link: a choice and those passed through after it); the state they reach. */
    private S appendSteps(List<Step> steps, S s, int[] choices) {
        for (int c : choices) {
            steps.add(new Step(model.traceChoice(s, c), model.step(s, c)));
            s = model.successor(s, c);
        }
        return s;
    }

    /** A node's choice and the choices passed through after it, as one array. */
    private static int[] link(int choice, int[] passed) {
        if (passed == null) {
            return new int[] {choice};
        }
        int[] all = new int[passed.length + 1];
        all[0] = choice;
        System.arraycopy(passed, 0, all, 1, passed.length);
        return all;
    }

    /**
     * The links of states entered after passing through others (pass-through): a level's link
     * for such a state holds -(i + 1) for entry i here, instead of its choice.
     */
    private final List<int[]> passedLinks = new ArrayList<>();
}
