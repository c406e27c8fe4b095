package dev.spinlab.lockdep;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/*
 * Implementation notes.
 *
 * The lock validator of kernel/locking/lockdep.c, as an observer of the model kernel: the
 * kernel's C code calls lock_acquire/lock_release (before the arch attempt; a trylock once it
 * succeeded) and reports its irq and softirq transitions; this class keeps lock classes, the
 * dependency graph between them, each task's held-lock stack and each class's usage bits,
 * and prints the kernel's reports into the kernel log. It reads the machine (the CPU's
 * preempt_count and irq flag, lock maps in memory, call stacks) through LockdepHost and
 * never writes it, so a run with lockdep on schedules exactly as one with it off.
 *
 * Following the kernel:
 *  - a class is key + subclass; the key is the lock_class_key at the lock's *_init() call
 *    site or, for a statically initialised lock, the lock's address (static_obj);
 *  - context at an acquisition: hardirq when preempt_count has HARDIRQ bits, softirq when it
 *    serves a softirq (SOFTIRQ_OFFSET, or lockdep_softirq_enter()), hardirqs enabled = the irq flag, softirqs enabled =
 *    softirq_count() == 0; held locks carry irq_context = 2*hardirq + softirq;
 *  - usage bits are set at acquisition (mark_usage) and on hardirqs-on/softirqs-on for every
 *    held lock (mark_held_locks); a new bit is checked against the exclusive bit of the same
 *    class (inconsistent lock state) and, through the graph, against other classes (irq lock
 *    inversion: a new USED_IN searches forwards for ENABLED, a new ENABLED backwards for
 *    USED_IN); read acquisitions set the _READ bits, and a read usage conflicts only with
 *    the write usage of the other direction on the same class;
 *  - a chain of held classes (within one irq context) is validated once (the chain cache):
 *    recursion (check_deadlock), then for each lock below down to the first non-trylock one
 *    (check_prevs_add): a breadth-first search from the new lock for the held one (circular
 *    dependency) and the irq-safe -> irq-unsafe rule, and the edge is added with the stack;
 *  - recursive reads (read == 2, rwlock_t readers: spinlab's rwlocks are ARM32's, not
 *    queued, so read_lock() is always recursive): read after read of one class is no
 *    recursion; every edge records its types (-(SR)-, -(ER)-, -(SN)-, -(EN)-) and the
 *    searches follow only strong paths (no -(*R)-> step followed by an -(S*)-> step), so a
 *    cycle of reader-to-recursive-reader links is no deadlock (lockdep-design.rst);
 *  - the first report turns lockdep off (debug_locks_off) unless every distinct report is
 *    wanted (LockdepMode.ALL).
 *  - non-recursive readers (read == 1) are rw_semaphore readers (kernel/locking/rwsem.c);
 *  - check_wait_context runs first at an acquisition (CONFIG_PROVE_RAW_LOCK_NESTING): the
 *    class's outer (or inner) wait type against the strictest inner type of the locks held
 *    in this irq context and of the context (task_wait_context: the hardirq flags
 *    hardirq_threaded and irq_config come from observer hooks in the model's irq and hrtimer
 *    code); the nest_lock must be held (print_lock_nested_lock_not_held);
 *  - debug_check_no_locks_freed from kfree and the lock init functions; lock_is_held_type
 *    for lockdep_assert_*(); lock_set_class/subclass and lock_downgrade re-take the locks
 *    above the changed one (reacquire_held_locks); a map's subclass byte is its class_cache[0]
 *    (lockdep_set_subclass);
 *  - the irq-usage searches skip LD_LOCK_PERCPU classes (usage_skip: local_lock_t).
 *  - a lock taken again when a lock below it is released has its nest_lock checked too
 *    (reacquire_held_locks runs __lock_acquire): a ww_mutex whose acquire context ended;
 *  - ww_mutex and fs_reclaim need nothing of their own here: an acquire context is a lock and
 *    each ww_mutex is taken with it as nest_lock (include/linux/ww_mutex.h), fs_reclaim is a
 *    lock map taken by reclaim and for a moment by allocations (include/linux/sched/mm.h).
 * Not modelled: the limits (MAX_LOCKDEP_*), check_redundant (only with CONFIG_LOCKDEP_SMALL
 * in the kernel), chain-key collisions.
 */
public final class Lockdep {
    static final int USED_IN_HARDIRQ = 0;
    static final int ENABLED_HARDIRQ = 2;
    static final int USED_IN_SOFTIRQ = 4;
    static final int ENABLED_SOFTIRQ = 6;
    static final int USED = 8;
    static final int USED_READ = 9;
    static final int READ_MASK = 1;
    static final int DIR_MASK = 2;
    static final String[] USAGE_STR = {"IN-HARDIRQ-W", "IN-HARDIRQ-R", "HARDIRQ-ON-W", "HARDIRQ-ON-R",
        "IN-SOFTIRQ-W", "IN-SOFTIRQ-R", "SOFTIRQ-ON-W", "SOFTIRQ-ON-R", "INITIAL USE", "INITIAL READ USE"};
    static final String[] STATE = {"HARDIRQ", "SOFTIRQ"};
    /* write usages (LOCKF_IRQ), read usages (LOCKF_IRQ_READ), USED_IN_* and ENABLED_* of both states */
    static final int LOCKF_IRQ = 0x55;
    static final int LOCKF_IRQ_READ = 0xaa;
    static final int LOCKF_USED_IN_IRQ_ALL = 0x33;
    static final int LOCKF_ENABLED_IRQ_ALL = 0xcc;
    /* dependency types: first letter how the earlier lock is held (S reader, E writer), second how the later one is taken (R recursive reader, N other) */
    static final int DEP_SR = 1;
    static final int DEP_ER = 2;
    static final int DEP_SN = 4;
    static final int DEP_EN = 8;

    /* wait types (lockdep_types.h, as with CONFIG_PROVE_RAW_LOCK_NESTING) and lock types */
    static final int LD_WAIT_INV = 0;
    static final int LD_WAIT_FREE = 1;
    static final int LD_WAIT_SPIN = 2;
    static final int LD_WAIT_CONFIG = 3;
    static final int LD_WAIT_SLEEP = 4;
    static final int LD_WAIT_MAX = 5;
    static final int LD_LOCK_NORMAL = 0;
    static final int LD_LOCK_PERCPU = 1;
    static final int LD_LOCK_WAIT_OVERRIDE = 2;
    /* lock_is_held_type()'s answers */
    public static final int LOCK_STATE_UNKNOWN = -1;
    public static final int LOCK_STATE_NOT_HELD = 0;
    public static final int LOCK_STATE_HELD = 1;

    static final int SOFTIRQ_OFFSET = 0x100;
    static final int SOFTIRQ_MASK = 0xff00;
    static final int HARDIRQ_MASK = 0xf0000;
    static final long INITIAL_CHAIN_KEY = -1L;
    static final int MAX_LOCK_DEPTH = 48;
    static final int MAX_SUBCLASSES = 8;
    /* sizeof(struct lockdep_map) in the model kernel (include/linux/lockdep.h) */
    static final int LOCKDEP_MAP_SIZE = 24;

    /** A lock class: every lock initialised with one key, in one subclass. */
    static final class LockClass {
        final int id;
        final long key;
        final long baseKey;
        final int subclass;
        final String name;
        final int nameVersion;
        final int waitInner;
        final int waitOuter;
        final int lockType;
        int usage;
        long ops;
        @SuppressWarnings("unchecked")
        final List<String>[] traces = new List[10];
        /** The stacks of traces, as data (LockSite): where each usage was first seen. */
        @SuppressWarnings("unchecked")
        final List<dev.spinlab.kc.interp.StackEntry>[] stacks = new List[10];
        final List<Edge> after = new ArrayList<>();
        final List<Edge> before = new ArrayList<>();

        LockClass(int id, long baseKey, int subclass, String name, int nameVersion, int waitInner) {
            this(id, baseKey, subclass, name, nameVersion, waitInner, 0, LD_LOCK_NORMAL);
        }

        LockClass(int id, long baseKey, int subclass, String name, int nameVersion, int waitInner, int waitOuter,
                  int lockType) {
            this.waitOuter = waitOuter;
            this.lockType = lockType;
            this.id = id;
            this.baseKey = baseKey;
            this.key = baseKey + subclass;
            this.subclass = subclass;
            this.name = name;
            this.nameVersion = nameVersion;
            this.waitInner = waitInner;
        }

        /** __print_lock_name: the name, #version for a repeated name, /subclass. */
        String label() {
            String s = name;
            if (nameVersion > 1) {
                s += "#" + nameVersion;
            }
            if (subclass != 0) {
                s += "/" + subclass;
            }
            return s;
        }
    }

    /**
     * A dependency edge, kept in the from-class's after list (cls = to) and the to-class's
     * before list (cls = from), with its dependency types (lock_list.dep): DEP_SR, DEP_ER,
     * DEP_SN, DEP_EN bits; a before-list entry carries them with the roles swapped (calc_depb),
     * so that one strong-path rule serves both search directions.
     */
    static final class Edge {
        final LockClass cls;
        final List<String> trace;
        /** trace as data (LockSite) */
        final List<dev.spinlab.kc.interp.StackEntry> stack;
        int dep;

        Edge(LockClass cls, List<String> trace, List<dev.spinlab.kc.interp.StackEntry> stack, int dep) {
            this.cls = cls;
            this.trace = trace;
            this.stack = stack;
            this.dep = dep;
        }
    }

    /** A held lock (struct held_lock). */
    static final class Held {
        LockClass cls;
        long instance;
        long ip;
        int irqContext;
        boolean trylock;
        int read;
        boolean check;
        long nestLock;
        int references;
        long prevChainKey;
        long chainKey;

        Held copy() {
            Held c = new Held();
            c.cls = cls;
            c.instance = instance;
            c.ip = ip;
            c.irqContext = irqContext;
            c.trylock = trylock;
            c.read = read;
            c.check = check;
            c.nestLock = nestLock;
            c.references = references;
            c.prevChainKey = prevChainKey;
            c.chainKey = chainKey;
            return c;
        }
    }

    /**
     * Per task: the held locks and the irq trace events (current->irqtrace). Shared between
     * {@link Tasks} snapshots until one of them changes it (copy on write: see Tasks.get).
     */
    static final class TaskState {
        final List<Held> held = new ArrayList<>();
        boolean shared;
        int irqEvents;
        int hardOnEvent;
        int hardOffEvent;
        int softOnEvent;
        int softOffEvent;
        long hardOnIp;
        long hardOffIp;
        long softOnIp;
        long softOffIp;
        /* current->hardirq_threaded and ->irq_config: the hardirq being served would be threaded (task_wait_context) */
        boolean hardirqThreaded;
        boolean irqConfig;
        /* current->softirq_context: lockdep_softirq_enter() nesting (a softirq as lockdep counts it) */
        int softirqContext;

        TaskState copy() {
            TaskState c = new TaskState();
            for (Held hl : held) {
                c.held.add(hl.copy());
            }
            c.irqEvents = irqEvents;
            c.hardOnEvent = hardOnEvent;
            c.hardOffEvent = hardOffEvent;
            c.softOnEvent = softOnEvent;
            c.softOffEvent = softOffEvent;
            c.hardOnIp = hardOnIp;
            c.hardOffIp = hardOffIp;
            c.softOnIp = softOnIp;
            c.softOffIp = softOffIp;
            c.hardirqThreaded = hardirqThreaded;
            c.softirqContext = softirqContext;
            c.irqConfig = irqConfig;
            return c;
        }
    }

    /**
     * Every task's lockdep state (the kernel's task_struct.held_locks, lockdep_depth and
     * irqtrace): what one run, or one path of a model checker's search, has done. A model
     * checker keeps one per state ({@link #snapshot}, then {@link #attach} before stepping from
     * it); the classes, the dependency graph and the usage bits stay in the Lockdep, shared by
     * every path, as the kernel accumulates them over an uptime.
     */
    public static final class Tasks {
        private HashMap<Long, TaskState> map;
        /**
         * Whether map is shared with another snapshot: copied before the first write. The model
         * checker takes a snapshot per transition and most transitions take no lock, so the map
         * (and marking its states shared) is copied only by those that do.
         */
        private boolean mapShared;

        public Tasks() {
            this.map = new HashMap<>();
        }

        private Tasks(HashMap<Long, TaskState> map) {
            this.map = map;
            this.mapShared = true;
        }

        /** A copy that changes independently of this one (the map and the tasks' states are shared until written). */
        public Tasks snapshot() {
            mapShared = true;
            return new Tasks(map);
        }

        /** The task's state, this snapshot's own copy. */
        TaskState get(long task) {
            if (mapShared) {
                for (TaskState t : map.values()) {
                    t.shared = true; // the other snapshots still hold them
                }
                map = new HashMap<>(map);
                mapShared = false;
            }
            TaskState t = map.get(task);
            if (t == null) {
                t = new TaskState();
                map.put(task, t);
            } else if (t.shared) {
                t = t.copy();
                map.put(task, t);
            }
            return t;
        }

        /**
         * A hash of what decides lockdep's future reports: each task's held locks (class key,
         * instance, how taken, irq context, acquisition site, nesting references), not the irq
         * event stamps, which only count (history, as the machine's clock is). Order-free over
         * tasks; a task holding nothing counts as absent.
         */
        public long fingerprint() {
            long h = 0;
            for (Map.Entry<Long, TaskState> e : map.entrySet()) {
                List<Held> held = e.getValue().held;
                int irqFlags = (e.getValue().hardirqThreaded ? 1 : 0) | (e.getValue().irqConfig ? 2 : 0)
                        | e.getValue().softirqContext << 2;
                if (held.isEmpty() && irqFlags == 0) {
                    continue;
                }
                long x = mix(0x5bd1e995L, e.getKey() + irqFlags);
                for (Held hl : held) {
                    x = mix(x, hl.cls.key);
                    x = mix(x, hl.instance);
                    x = mix(x, hl.ip);
                    x = mix(x, hl.read | (long) hl.irqContext << 4 | (hl.trylock ? 1L << 8 : 0)
                            | (hl.check ? 1L << 9 : 0) | (long) hl.references << 16);
                    x = mix(x, hl.nestLock);
                }
                h += x;
            }
            return h;
        }

        /** Locks a task holds, innermost last, as lockdep names their classes. */
        public List<String> heldBy(long task) {
            TaskState t = map.get(task);
            List<String> out = new ArrayList<>();
            if (t != null) {
                for (Held hl : t.held) {
                    out.add(hl.cls.label());
                }
            }
            return out;
        }

        /**
         * Every task's held locks, innermost last, as data for reports (the HTML timeline's lock
         * bars): tasks holding nothing are left out.
         */
        public Map<Long, List<HeldLock>> heldLocks() {
            Map<Long, List<HeldLock>> out = new java.util.TreeMap<>();
            for (Map.Entry<Long, TaskState> e : map.entrySet()) {
                List<HeldLock> held = new ArrayList<>();
                for (Held hl : e.getValue().held) {
                    held.add(new HeldLock(hl.cls.label(), hl.instance, hl.irqContext, hl.read != 0));
                }
                if (!held.isEmpty()) {
                    out.put(e.getKey(), List.copyOf(held));
                }
            }
            return out;
        }
    }

    /**
     * A held lock as reports see it: its class as lockdep names it, the lock's address (its
     * lockdep_map), the context it was taken in (held_lock.irq_context: 2 hardirq + 1 softirq,
     * 0 task) and whether it was taken for reading.
     */
    public record HeldLock(String lock, long instance, int irqContext, boolean read) {}

    /**
     * A node of a breadth-first search: a class reached through an edge (of types dep) from its
     * parent; onlyXr: the path to it ends with -(*R)-> edges only (lock_list.only_xr).
     */
    static final class Node {
        final LockClass cls;
        final Node parent;
        List<String> trace;
        final List<dev.spinlab.kc.interp.StackEntry> stack;
        final int dep;
        boolean onlyXr;

        Node(LockClass cls, Node parent, List<String> trace, int dep) {
            this(cls, parent, trace, null, dep);
        }

        Node(LockClass cls, Node parent, List<String> trace, List<dev.spinlab.kc.interp.StackEntry> stack, int dep) {
            this.cls = cls;
            this.parent = parent;
            this.trace = trace;
            this.stack = stack;
            this.dep = dep;
        }

        /** bfs_init_root: a forwards search from a held lock; the edge into it was -(*R)-> if it is a recursive read. */
        static Node root(Held hl) {
            Node n = new Node(hl.cls, null, null, 0);
            n.onlyXr = hl.read == 2;
            return n;
        }

        /** bfs_init_rootb: a backwards search from a held lock; any read makes the first step -(S*)->. */
        static Node rootb(Held hl) {
            Node n = new Node(hl.cls, null, null, 0);
            n.onlyXr = hl.read != 0;
            return n;
        }

        int depth() {
            int d = 0;
            for (Node n = parent; n != null; n = n.parent) {
                d++;
            }
            return d;
        }
    }

    private final LockdepMode mode;
    private LockdepHost h;
    private final Map<Long, LockClass> classes = new HashMap<>();
    private final List<LockClass> allClasses = new ArrayList<>();
    private Tasks tasks = new Tasks();
    private final Set<Long> chains = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    private final Set<Long> refusedMaps = new HashSet<>();
    private List<String> pendingTrace;

    /**
     * The graph as it was at one moment (classes, their usage and dependencies, the chains and
     * reports made): a model checker that runs a search again from the start (check's
     * private-data restarts) puts the graph back first, so that the rerun makes the reports
     * the abandoned run made. The tasks' state is not part of it (each path carries its own).
     */
    public static final class Mark {
        private final int classCount;
        private final Map<Long, LockClass> classes;
        private final int[] usage;
        private final long[] ops;
        private final List<String>[][] traces;
        private final List<dev.spinlab.kc.interp.StackEntry>[][] stacks;
        private final List<List<Edge>> after = new ArrayList<>();
        private final List<List<Edge>> before = new ArrayList<>();
        private final List<int[]> afterDeps = new ArrayList<>();
        private final List<int[]> beforeDeps = new ArrayList<>();
        private final Set<Long> chains;
        private final Set<String> reported;
        private final Set<Long> refusedMaps;

        @SuppressWarnings("unchecked")
        private Mark(Lockdep d) {
            classCount = d.allClasses.size();
            classes = new HashMap<>(d.classes);
            usage = new int[classCount];
            ops = new long[classCount];
            traces = new List[classCount][];
            stacks = new List[classCount][];
            for (int i = 0; i < classCount; i++) {
                LockClass c = d.allClasses.get(i);
                usage[i] = c.usage;
                ops[i] = c.ops;
                traces[i] = c.traces.clone();
                stacks[i] = c.stacks.clone();
                after.add(new ArrayList<>(c.after));
                before.add(new ArrayList<>(c.before));
                afterDeps.add(c.after.stream().mapToInt(e -> e.dep).toArray());
                beforeDeps.add(c.before.stream().mapToInt(e -> e.dep).toArray());
            }
            chains = new HashSet<>(d.chains);
            reported = new HashSet<>(d.reported);
            refusedMaps = new HashSet<>(d.refusedMaps);
        }
    }

    public Mark mark() {
        return new Mark(this);
    }

    /** Puts the graph back as it was at m (classes registered since are forgotten). */
    public void restore(Mark m) {
        while (allClasses.size() > m.classCount) {
            allClasses.remove(allClasses.size() - 1);
        }
        classes.clear();
        classes.putAll(m.classes);
        for (int i = 0; i < m.classCount; i++) {
            LockClass c = allClasses.get(i);
            c.usage = m.usage[i];
            c.ops = m.ops[i];
            System.arraycopy(m.traces[i], 0, c.traces, 0, c.traces.length);
            System.arraycopy(m.stacks[i], 0, c.stacks, 0, c.stacks.length);
            c.after.clear();
            c.after.addAll(m.after.get(i));
            c.before.clear();
            c.before.addAll(m.before.get(i));
            for (int j = 0; j < c.after.size(); j++) {
                c.after.get(j).dep = m.afterDeps.get(i)[j];
            }
            for (int j = 0; j < c.before.size(); j++) {
                c.before.get(j).dep = m.beforeDeps.get(i)[j];
            }
        }
        chains.clear();
        chains.addAll(m.chains);
        reported.clear();
        reported.addAll(m.reported);
        refusedMaps.clear();
        refusedMaps.addAll(m.refusedMaps);
        pendingTrace = null;
    }

    public Lockdep(LockdepMode mode, LockdepHost host) {
        this.mode = mode;
        this.h = host;
    }

    /**
     * Makes the next calls observe the kernel through host and keep the tasks' state in
     * tasks: a model checker's worker threads share one Lockdep (one graph for the whole
     * search), each calling through its own kernel, holding this object's monitor around the
     * attach and the calls, and each path of the search has its own tasks' state.
     */
    public void attach(LockdepHost host, Tasks tasks) {
        this.h = host;
        this.tasks = tasks;
    }

    /** The tasks' state the calls currently change. */
    public Tasks tasks() {
        return tasks;
    }

    /**
     * Whether lockdep still validates: the kernel's debug_locks (lib/debug_locks.c), which the
     * first report of lockdep or of the spinlock debugging clears (debug_locks_off), so after
     * one report neither says more. Under {@link LockdepMode#ALL} lockdep goes on regardless.
     */
    public boolean active() {
        return switch (mode) {
            case OFF -> false;
            case ALL -> true;
            default -> h.debugLocks();
        };
    }

    public LockdepMode mode() {
        return mode;
    }

    /** Distinct lock classes registered so far. */
    public int classCount() {
        return allClasses.size();
    }

    // ------------------------------------------------------------------ entry points

    public void acquire(long map, int subclass, boolean trylock, int read, boolean check, long nestLock, long ipArg) {
        if (!active() || subclass < 0 || subclass >= 8) {
            return;
        }
        if (subclass == 0) {
            // class_cache[0]: the class lockdep_set_subclass() gave the lock's plain acquisitions
            subclass = (int) h.load(map + 19, 1) & (MAX_SUBCLASSES - 1);
        }
        LockClass cls = lookupClass(map, subclass);
        if (cls == null) {
            return;
        }
        TaskState ts = task(h.currentTask());
        List<Held> held = ts.held;
        cls.ops++;
        if (!held.isEmpty() && nestLock != 0) {
            Held top = held.get(held.size() - 1);
            if (top.cls == cls) {
                top.references = top.references == 0 ? 2 : top.references + 1;
                return;
            }
        }
        int pc = h.preemptCount();
        boolean hardirq = (pc & HARDIRQ_MASK) != 0;
        boolean softirq = inSoftirq(ts, pc);
        boolean irqsOn = h.irqsEnabled();
        boolean softOn = (pc & SOFTIRQ_MASK) == 0;
        Held hl = new Held();
        hl.cls = cls;
        hl.instance = map;
        hl.ip = resolveIp(ipArg);
        hl.irqContext = (hardirq ? 2 : 0) + (softirq ? 1 : 0);
        hl.trylock = trylock;
        hl.read = read;
        hl.check = check;
        hl.nestLock = nestLock;
        pendingTrace = null;
        if (!checkWaitContext(ts, hl)) {
            return;
        }
        if (check && !markUsage(ts, hl, hardirq, softirq, irqsOn, softOn)) {
            return;
        }
        if (held.size() >= MAX_LOCK_DEPTH) {
            return;
        }
        Held top = held.isEmpty() ? null : held.get(held.size() - 1);
        boolean chainHead = top == null || top.irqContext != hl.irqContext;
        hl.prevChainKey = chainHead ? INITIAL_CHAIN_KEY : top.chainKey;
        hl.chainKey = mix(hl.prevChainKey, cls.id | ((long) read << 20));
        if (nestLock != 0 && isHeld(ts, nestLock, -1) == LOCK_STATE_NOT_HELD) {
            if (report("nestlock:" + cls.id + ":" + nestLock)) {
                printNestedLockNotHeld(hl, nestLock);
            }
            if (!active()) {
                return;
            }
        }
        if (!validateChain(ts, hl, chainHead)) {
            return;
        }
        held.add(hl);
    }

    /**
     * lock_is_held_type(): whether the current task holds the lock (read: -1 any way, 0 as a
     * writer, 1 as a reader), LOCK_STATE_UNKNOWN while lockdep does not validate (off, or
     * after its first report), so that lockdep_assert_held() stays silent then, as upstream.
     */
    public int lockIsHeldType(long map, int read) {
        if (!active()) {
            return LOCK_STATE_UNKNOWN;
        }
        return isHeld(task(h.currentTask()), map, read);
    }

    /** __lock_is_held: the held lock matching map (instance, or class for a nest_lock reference). */
    private int isHeld(TaskState ts, long map, int read) {
        for (Held hl : ts.held) {
            if (matchHeld(hl, map)) {
                return read == -1 || (hl.read != 0 ? 1 : 0) == read ? LOCK_STATE_HELD : LOCK_STATE_NOT_HELD;
            }
        }
        return LOCK_STATE_NOT_HELD;
    }

    /** __lockdep_enabled: lockdep still validates (debug_locks, or every report under ALL). */
    public boolean enabled() {
        return active();
    }

    /**
     * The index of the task's held lock for map; when the task does not hold it, -1 after
     * reporting the unlock imbalance (print_unlock_imbalance_bug) once per lock and task.
     */
    private int heldOrImbalance(TaskState ts, long map, long ipArg) {
        int i = findHeld(ts.held, map);
        if (i < 0 && report("unlock:" + map + ":" + h.currentTask())) {
            printUnlockImbalance(ts, map, resolveIp(ipArg));
        }
        return i;
    }

    /**
     * lock_set_class() / lock_set_subclass(): a held lock changes class (its map was re-keyed:
     * lockdep_set_subclass re-reads the map's key) or subclass; the locks above it are taken
     * again in the new order (__lock_set_class + reacquire_held_locks).
     */
    public void setClass(long map, int subclass, long ipArg) {
        if (!active() || subclass < 0 || subclass >= 8) {
            return;
        }
        TaskState ts = task(h.currentTask());
        List<Held> held = ts.held;
        int i = heldOrImbalance(ts, map, ipArg);
        if (i < 0) {
            return;
        }
        LockClass cls = lookupClass(map, subclass);
        if (cls == null) {
            return;
        }
        held.get(i).cls = cls;
        rehashFrom(ts, i);
    }

    /**
     * lock_downgrade(): the held write lock becomes a non-recursive read lock taken here, and
     * the locks above it are taken again (__lock_downgrade; the usage bits are not marked again).
     */
    public void downgrade(long map, long ipArg) {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        int i = heldOrImbalance(ts, map, ipArg);
        if (i < 0) {
            return;
        }
        Held hl = ts.held.get(i);
        hl.read = 1; // (upstream WARNs when it was a read already; not modelled)
        hl.ip = resolveIp(ipArg);
        rehashFrom(ts, i);
    }

    /**
     * debug_check_no_locks_freed(): memory [from, from + len) is freed or a lock in it is
     * initialised again while the current task holds a lock whose map lies there.
     */
    public void checkNoLocksFreed(long from, long len) {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        for (Held hl : ts.held) {
            // not_in_range(): the held map [instance, instance + sizeof(lockdep_map)) overlaps
            if (hl.instance + LOCKDEP_MAP_SIZE <= from || from + len <= hl.instance) {
                continue;
            }
            if (report("freed:" + hl.cls.id + ":" + hl.instance)) {
                printFreedLockBug(ts, from, from + len, hl);
            }
            break;
        }
    }

    /** lockdep_hardirq_enter() (the outermost hardirq level): not threaded until said so. */
    public void hardirqEnter() {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.hardirqThreaded = false;
    }

    /** lockdep_hardirq_exit(): the flags of the hardirq served are done with. */
    public void hardirqExit() {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.hardirqThreaded = false;
        ts.irqConfig = false;
    }

    /** lockdep_hardirq_threaded(): the hardirq being served would run in a thread under force_irqthreads. */
    public void hardirqThreaded() {
        if (!active()) {
            return;
        }
        task(h.currentTask()).hardirqThreaded = true;
    }

    /**
     * lockdep_softirq_enter/exit(): current->softirq_context, which the kernel's lockdep reads
     * as the softirq context (its __do_softirq() and lib/locking-selftest.c's simulated softirqs
     * set it); the model's own softirqs are seen by their SOFTIRQ_OFFSET, so either counts.
     */
    public void softirqContext(int delta) {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.softirqContext = Math.max(0, ts.softirqContext + delta);
    }

    /** Serving a softirq as lockdep sees it: SOFTIRQ_OFFSET or current->softirq_context (never under PREEMPT_RT). */
    private boolean inSoftirq(TaskState ts, int pc) {
        return ((pc & SOFTIRQ_OFFSET) != 0 || ts.softirqContext > 0) && h.softirqContextTracked();
    }

    /** lockdep_hrtimer_enter/exit: a callback of an hrtimer not marked HARD runs (irq_config). */
    public void irqConfig(boolean on) {
        if (!active()) {
            return;
        }
        task(h.currentTask()).irqConfig = on;
    }

    public void release(long map, long ipArg) {
        if (!active()) {
            return;
        }
        if (refusedMaps.contains(map)) {
            return;
        }
        TaskState ts = task(h.currentTask());
        List<Held> held = ts.held;
        int i = heldOrImbalance(ts, map, ipArg);
        if (i < 0) {
            return;
        }
        Held hl = held.get(i);
        if (hl.references > 0) {
            hl.references--;
            if (hl.references > 0) {
                return;
            }
        }
        held.remove(i);
        rehashFrom(ts, i);
    }

    /** reacquire_held_locks: re-hash the chains of the held locks from index i up and validate new ones. */
    private void rehashFrom(TaskState ts, int i) {
        List<Held> held = ts.held;
        for (int j = i; j < held.size(); j++) {
            Held cur = held.get(j);
            Held below = j == 0 ? null : held.get(j - 1);
            boolean head = below == null || below.irqContext != cur.irqContext;
            cur.prevChainKey = head ? INITIAL_CHAIN_KEY : below.chainKey;
            cur.chainKey = mix(cur.prevChainKey, cur.cls.id | ((long) cur.read << 20));
            List<Held> under = new ArrayList<>(held.subList(0, j));
            List<Held> saved = new ArrayList<>(held);
            held.clear();
            held.addAll(under);
            pendingTrace = null;
            // __lock_acquire() again: a lock taken with a nest_lock (a ww_mutex under its
            // acquire context) whose nest_lock was just released is no longer nested in it
            if (cur.nestLock != 0 && isHeld(ts, cur.nestLock, -1) == LOCK_STATE_NOT_HELD) {
                if (report("nestlock:" + cur.cls.id + ":" + cur.nestLock)) {
                    printNestedLockNotHeld(cur, cur.nestLock);
                }
                if (!active()) {
                    held.clear();
                    held.addAll(saved);
                    return;
                }
            }
            boolean ok = validateChain(ts, cur, head);
            held.clear();
            held.addAll(saved);
            if (!ok) {
                return;
            }
        }
    }

    /** trace_hardirqs_on: interrupts are being enabled on this CPU (called before the flag changes). */
    public void hardirqsOn() {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.irqEvents++;
        ts.hardOnEvent = ts.irqEvents;
        ts.hardOnIp = h.ip(0);
        int pc = h.preemptCount();
        if ((pc & HARDIRQ_MASK) != 0) {
            return;
        }
        ts.hardirqThreaded = false; // a simulated hardirq (the self-tests' HARDIRQ_EXIT) is over
        pendingTrace = null;
        if (!markHeldLocks(ts, ENABLED_HARDIRQ)) {
            return;
        }
        if ((pc & SOFTIRQ_MASK) == 0) {
            markHeldLocks(ts, ENABLED_SOFTIRQ);
        }
    }

    /** trace_hardirqs_off: interrupts were disabled on this CPU. */
    public void hardirqsOff() {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.irqEvents++;
        ts.hardOffEvent = ts.irqEvents;
        ts.hardOffIp = h.ip(0);
    }

    /** lockdep_softirqs_on: bottom halves are being enabled (softirq_count() drops to 0). */
    public void softirqsOn(long ipArg) {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.irqEvents++;
        ts.softOnEvent = ts.irqEvents;
        ts.softOnIp = resolveIp(ipArg);
        pendingTrace = null;
        if (h.irqsEnabled()) {
            markHeldLocks(ts, ENABLED_SOFTIRQ);
        }
    }

    /** lockdep_softirqs_off: bottom halves were disabled (softirq_count() left 0). */
    public void softirqsOff(long ipArg) {
        if (!active()) {
            return;
        }
        TaskState ts = task(h.currentTask());
        ts.irqEvents++;
        ts.softOffEvent = ts.irqEvents;
        ts.softOffIp = resolveIp(ipArg);
    }

    /** lockdep_sys_exit: the task returns to user space. */
    public void sysExit() {
        if (!active()) {
            return;
        }
        long task = h.currentTask();
        TaskState ts = task(task);
        if (ts.held.isEmpty()) {
            return;
        }
        StringBuilder key = new StringBuilder("sysexit:" + task);
        for (Held hl : ts.held) {
            key.append(':').append(hl.cls.id);
        }
        if (!report(key.toString())) {
            return;
        }
        Out o = new Out();
        String head = "WARNING: lock held when returning to user space!";
        o.header(head, 48);
        o.line(who(task) + " is leaving the kernel with locks still held!");
        o.add(heldLocks(task));
        h.print(o.text());
        finding("lockdep:lock-held-returning-to-user", head, ts.held.stream().map(x -> x.cls.label()).toList(),
                ts.held.stream().map(x -> {
                    dev.spinlab.kc.interp.StackEntry at = h.frameAt(x.ip);
                    return new LockSite(x.cls.label(), LockSite.HELD + " " + h.symbol(x.ip),
                            at == null ? List.of() : List.of(at));
                }).toList());
    }

    /** debug_show_held_locks(task). */
    public void showHeldLocks(long task) {
        if (mode == LockdepMode.OFF) {
            return;
        }
        if (!active()) {
            h.print("INFO: lockdep is turned off.\n");
            return;
        }
        h.print(heldLocks(task));
    }

    /** print_irqtrace_events(task). */
    public void printIrqtraceEvents(long task) {
        if (mode == LockdepMode.OFF) {
            return;
        }
        h.print(irqtraceEvents(task(task)));
    }

    // ------------------------------------------------------------------ classes

    private LockClass lookupClass(long map, int subclass) {
        long key = h.load(map, 8);
        boolean isStatic = false;
        if (key == 0) {
            if (h.objectName(map) == null) {
                if (refusedMaps.add(map) && report("nonstatic:" + map)) {
                    Out o = new Out();
                    o.line("INFO: trying to register non-static key.");
                    o.line("The code is fine but needs lockdep annotation, or maybe");
                    o.line("you didn't initialize this object before use?");
                    o.line("turning off the locking correctness validator.");
                    o.add(h.dumpStack());
                    h.print(o.text());
                    finding("lockdep:non-static-key", "INFO: trying to register non-static key.", List.of());
                }
                return null;
            }
            key = map;
            isStatic = true;
        }
        LockClass c = classes.get(key + subclass);
        if (c != null) {
            return c;
        }
        String name = h.cString(h.load(map + 8, 8));
        if (name == null) {
            name = isStatic ? h.objectName(map) : h.objectName(key);
            if (name == null) {
                name = String.format("%016x", key);
            }
        }
        int version = 0;
        int count = 0;
        boolean sameKey = false;
        for (LockClass o : allClasses) {
            if (o.baseKey == key) {
                version = o.nameVersion;
                sameKey = true;
                break;
            }
            if (o.name.equals(name)) {
                count = Math.max(count, o.nameVersion);
            }
        }
        if (!sameKey) {
            version = count + 1;
        }
        int inner = (int) h.load(map + 16, 1);
        int outer = (int) h.load(map + 17, 1);
        int type = (int) h.load(map + 18, 1);
        c = new LockClass(allClasses.size() + 1, key, subclass, name, version, inner, outer, type);
        classes.put(key + subclass, c);
        allClasses.add(c);
        return c;
    }

    /** A report's finding, with the lock classes it is about (a model checker tells reports apart by them). */
    private void finding(String kind, String message, List<String> locks) {
        finding(kind, message, locks, List.of());
    }

    /** ... and the acquisitions it is about, as data (fix advice reads them). */
    private void finding(String kind, String message, List<String> locks, List<LockSite> sites) {
        h.finding(kind, message, h.stack(), new java.util.TreeSet<>(locks).stream().toList(), sites);
    }

    /** The current acquisition of hl's class, with the current stack. */
    private LockSite site(Held hl, String usage) {
        return new LockSite(hl.cls.label(), usage, h.stack());
    }

    private TaskState task(long task) {
        return tasks.get(task);
    }

    private long resolveIp(long arg) {
        if (arg == 0) {
            return h.ip(1);
        }
        if (arg == 1) {
            return h.ip(0);
        }
        return arg;
    }

    private static long mix(long key, long id) {
        long x = key * 0x9E3779B97F4A7C15L + id + 0x632BE59BD9B4E019L;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 32);
    }

    /** find_held_lock: from the top down, not crossing into another irq context. */
    private int findHeld(List<Held> held, long map) {
        int i = held.size() - 1;
        if (i < 0) {
            return -1;
        }
        if (matchHeld(held.get(i), map)) {
            return i;
        }
        for (int j = i - 1; j >= 0; j--) {
            if (held.get(j + 1).irqContext != held.get(j).irqContext) {
                return -1;
            }
            if (matchHeld(held.get(j), map)) {
                return j;
            }
        }
        return -1;
    }

    /** match_held_lock: the instance, or for a lock held with references (nest_lock) its class. */
    private boolean matchHeld(Held hl, long map) {
        if (hl.instance == map) {
            return true;
        }
        if (hl.references > 0) {
            long key = h.load(map, 8);
            return classes.get(key == 0 ? map : key) == hl.cls;
        }
        return false;
    }

    /** Reports are printed once: the first turns lockdep off, or (ALL) each distinct one once. */
    private boolean report(String key) {
        if (!active()) {
            return false;
        }
        if (mode == LockdepMode.ALL) {
            return reported.add(key);
        }
        return h.debugLocksOff(); // debug_locks_off_graph_unlock(): only the first report prints
    }

    private List<String> trace() {
        if (pendingTrace == null) {
            pendingTrace = h.traceLines();
        }
        return pendingTrace;
    }

    // ------------------------------------------------------------------ wait context

    /**
     * task_wait_context: the strictest wait type the current context allows. A hardirq allows
     * spinning only (LD_WAIT_SPIN) unless the handler would run in a thread under
     * force_irqthreads (hardirq_threaded) or it runs an hrtimer not marked HARD (irq_config):
     * then LD_WAIT_CONFIG, as a softirq; a task may sleep (LD_WAIT_MAX).
     */
    private int taskWaitContext(TaskState ts) {
        int pc = h.preemptCount();
        if ((pc & HARDIRQ_MASK) != 0) {
            return ts.hardirqThreaded || ts.irqConfig ? LD_WAIT_CONFIG : LD_WAIT_SPIN;
        }
        if (inSoftirq(ts, pc)) {
            return LD_WAIT_CONFIG;
        }
        return LD_WAIT_MAX;
    }

    /**
     * check_wait_context (CONFIG_PROVE_RAW_LOCK_NESTING, on by default since 6.1): the lock's
     * outer wait type (or its inner one) must not exceed the strictest inner type of the locks
     * held in this irq context, nor the context's own; trylocks and locks without a wait type
     * are not checked. True when the acquisition may go on.
     */
    private boolean checkWaitContext(TaskState ts, Held next) {
        int nextInner = next.cls.waitInner;
        int nextOuter = next.cls.waitOuter != 0 ? next.cls.waitOuter : nextInner;
        if (nextInner == 0 || next.trylock) {
            return true;
        }
        List<Held> held = ts.held;
        int depth = held.size() - 1;
        while (depth >= 0 && held.get(depth).irqContext == next.irqContext) {
            depth--;
        }
        int currInner = taskWaitContext(ts);
        for (int i = depth + 1; i < held.size(); i++) {
            LockClass c = held.get(i).cls;
            if (c.waitInner != 0) {
                currInner = Math.min(currInner, c.waitInner);
                if (c.lockType == LD_LOCK_WAIT_OVERRIDE) {
                    currInner = c.waitInner;
                }
            }
        }
        if (nextOuter > currInner) {
            if (report("waitctx:" + next.cls.id + ":" + currInner)) {
                printInvalidWaitContext(ts, next);
            }
            return active();
        }
        return true;
    }

    // ------------------------------------------------------------------ usage bits

    private boolean markUsage(TaskState ts, Held hl, boolean hardirq, boolean softirq, boolean irqsOn, boolean softOn) {
        int r = hl.read != 0 ? READ_MASK : 0;
        if (!hl.trylock) {
            if (hardirq && !markLock(ts, hl, USED_IN_HARDIRQ + r)) {
                return false;
            }
            if (softirq && !markLock(ts, hl, USED_IN_SOFTIRQ + r)) {
                return false;
            }
        }
        if (irqsOn) {
            if (!markLock(ts, hl, ENABLED_HARDIRQ + r)) {
                return false;
            }
            if (softOn && !markLock(ts, hl, ENABLED_SOFTIRQ + r)) {
                return false;
            }
        }
        return markLock(ts, hl, r != 0 ? USED_READ : USED);
    }

    private boolean markHeldLocks(TaskState ts, int base) {
        for (Held hl : new ArrayList<>(ts.held)) {
            if (hl.check && !markLock(ts, hl, base + (hl.read != 0 ? READ_MASK : 0))) {
                return false;
            }
        }
        return true;
    }

    private boolean markLock(TaskState ts, Held hl, int bit) {
        LockClass c = hl.cls;
        if ((c.usage & (1 << bit)) != 0) {
            return true;
        }
        c.usage |= 1 << bit;
        c.traces[bit] = trace();
        c.stacks[bit] = h.stack();
        if (bit >= USED) {
            return true;
        }
        return markLockIrq(ts, hl, bit);
    }

    private static int exclusiveBit(int bit) {
        return (bit & ~3) | ((bit & DIR_MASK) ^ DIR_MASK);
    }

    private static String stateName(int bit) {
        return STATE[bit >> 2] + ((bit & READ_MASK) != 0 ? "-READ" : "");
    }

    /**
     * mark_lock_irq: the new usage bit against the class's own exclusive bits (write usages
     * also against the read flavour), then through the graph: a new USED_IN searches forwards
     * (check_usage_forwards), a new ENABLED backwards (check_usage_backwards), for a class
     * with the exclusive usage at the end of a strong path (usage_match).
     */
    private boolean markLockIrq(TaskState ts, Held hl, int bit) {
        int excl = exclusiveBit(bit);
        boolean read = (bit & READ_MASK) != 0;
        if (!validState(ts, hl, bit, excl)) {
            return false;
        }
        if (!read && !validState(ts, hl, bit, excl + READ_MASK)) {
            return false;
        }
        // valid_state() may have reported this class, and lockdep goes on (ALL): the kernel's
        // mark_lock_irq() stops at that report, as lockdep is off after it; here the graph is
        // searched all the same, for other classes only (not an inversion of the class with
        // itself). Otherwise whether the inversion with another class is reported would depend
        // on which usage the search met first: with the unsafe usage first, the safe one is
        // the inconsistent report and nothing more; with the safe one first, the unsafe one is
        // the inconsistent report and the next dependency added is "safe -> unsafe lock order"
        boolean inconsistent = (hl.cls.usage & (1 << excl)) != 0
                || (!read && (hl.cls.usage & (1 << (excl + READ_MASK))) != 0);
        int mask = (1 << excl) | (1 << (excl + READ_MASK));
        boolean forwards = (bit & DIR_MASK) == 0;
        Node root = forwards ? Node.root(hl) : Node.rootb(hl);
        Node other = bfs(root, forwards, n -> !(inconsistent && n.cls == hl.cls) && usageMatch(n, mask), true);
        if (other != null) {
            String state = stateName((other.cls.usage & (1 << excl)) != 0 ? excl : excl + READ_MASK);
            if (report("inversion:" + hl.cls.id + ":" + other.cls.id + ":" + bit)) {
                printIrqInversion(ts, root, other, hl, forwards, state);
            }
            return active();
        }
        return true;
    }

    /** usage_match: at the end of a path of -(*R)-> steps only a write usage can close a strong cycle. */
    private static boolean usageMatch(Node n, int mask) {
        int usage = n.onlyXr ? n.cls.usage & LOCKF_IRQ : n.cls.usage;
        return (usage & mask) != 0;
    }

    /** invert_dir_mask + the read and write flavours of each bit (exclusive_mask, original_mask). */
    private static int exclusiveMask(int mask) {
        int excl = ((mask & LOCKF_ENABLED_IRQ_ALL) >> DIR_MASK) | ((mask & LOCKF_USED_IN_IRQ_ALL) << DIR_MASK);
        excl |= (excl & LOCKF_IRQ_READ) >> READ_MASK;
        excl |= (excl & LOCKF_IRQ) << READ_MASK;
        return excl;
    }

    private boolean validState(TaskState ts, Held hl, int newBit, int badBit) {
        if ((hl.cls.usage & (1 << badBit)) != 0) {
            if (report("usage:" + hl.cls.id + ":" + badBit + ":" + newBit)) {
                printUsageBug(ts, hl, badBit, newBit);
            }
            return active();
        }
        return true;
    }

    // ------------------------------------------------------------------ the graph

    private boolean validateChain(TaskState ts, Held hl, boolean chainHead) {
        if (hl.trylock || !hl.check || !chains.add(hl.chainKey)) {
            return true;
        }
        int ret = checkDeadlock(ts, hl);
        if (ret == 0) {
            return false;
        }
        if (!chainHead && ret != 2) {
            return checkPrevsAdd(ts, hl);
        }
        return true;
    }

    /** 0: reported (stop), 1: fine, 2: nested under its nest_lock or reported and going on. */
    private int checkDeadlock(TaskState ts, Held next) {
        boolean nest = false;
        for (Held prev : ts.held) {
            if (next.nestLock != 0 && prev.instance == next.nestLock) {
                nest = true;
            }
            if (prev.cls != next.cls) {
                continue;
            }
            // Reporting every problem (check: many uptimes share one chain cache), only the
            // held locks of next's own irq context count, as the chain key covers only those:
            // otherwise the chain's first validation decided whether another path's lock, held
            // in the context an interrupt cut into, was checked (ReductionRegressionTest,
            // recursion-and-chain-cache). Nothing is lost: a lock held in the interrupted
            // context and taken again in the interrupt's is used with that interrupt enabled and
            // in it, lockdep's inconsistent lock state, which the kernel reports first.
            if (mode == LockdepMode.ALL && prev.irqContext != next.irqContext) {
                continue;
            }
            if (next.read == 2 && prev.read != 0) {
                continue;
            }
            if (nest) {
                return 2;
            }
            if (report("recursive:" + next.cls.id)) {
                printDeadlockBug(ts, prev, next);
            }
            return active() ? 2 : 0;
        }
        return 1;
    }

    private boolean checkPrevsAdd(TaskState ts, Held next) {
        List<Held> held = ts.held;
        int depth = held.size();
        int i = depth - 1;
        while (true) {
            Held prev = held.get(i);
            if (prev.check) {
                if (!checkPrevAdd(ts, prev, next)) {
                    return false;
                }
                if (!prev.trylock) {
                    break;
                }
            }
            i--;
            if (i < 0 || held.get(i + 1).irqContext != held.get(i).irqContext) {
                break;
            }
        }
        return true;
    }

    /** calc_dep: S/E how prev is held, R/N how next is taken. */
    private static int calcDep(Held prev, Held next) {
        return 1 << ((prev.read == 0 ? 1 : 0) + ((next.read != 2 ? 1 : 0) << 1));
    }

    /** calc_depb: the same edge as its before-list entry sees it (roles swapped). */
    private static int calcDepb(Held prev, Held next) {
        return 1 << ((next.read != 2 ? 1 : 0) + ((prev.read == 0 ? 1 : 0) << 1));
    }

    private boolean checkPrevAdd(TaskState ts, Held prev, Held next) {
        // check_noncircular: a strong path from next back to prev closes a deadlock (hlock_conflict)
        Node root = Node.root(next);
        Node target = bfs(root, true, n -> n.cls == prev.cls && (prev.read == 0 || !n.onlyXr));
        if (target != null) {
            if (report("circular:" + prev.cls.id + ":" + next.cls.id)) {
                printCircularBug(ts, root, target, next, prev);
            }
            if (!active()) {
                return false;
            }
        }
        if (!checkIrqUsage(ts, prev, next)) {
            return false;
        }
        for (Edge e : prev.cls.after) {
            if (e.cls == next.cls) {
                e.dep |= calcDep(prev, next);
                for (Edge b : next.cls.before) {
                    if (b.cls == prev.cls) {
                        b.dep |= calcDepb(prev, next);
                    }
                }
                return true;
            }
        }
        List<String> t = trace();
        List<dev.spinlab.kc.interp.StackEntry> st = h.stack();
        prev.cls.after.add(new Edge(next.cls, t, st, calcDep(prev, next)));
        next.cls.before.add(new Edge(prev.cls, t, st, calcDepb(prev, next)));
        return true;
    }

    /**
     * check_irq_usage (modern): gather the USED_IN usages backwards from prev (usage_accumulate:
     * read usages only where the path does not start with a reader), look forwards from next
     * for a usage exclusive to them, then back again for a lock whose usage that one excludes,
     * and report the pair (find_exclusive_match).
     */
    private boolean checkIrqUsage(TaskState ts, Held prev, Held next) {
        int[] acc = {0};
        bfs(Node.rootb(prev), false, n -> {
            acc[0] |= n.onlyXr ? n.cls.usage & LOCKF_IRQ : n.cls.usage;
            return false;
        }, true);
        int usageMask = acc[0] & LOCKF_USED_IN_IRQ_ALL;
        if (usageMask == 0) {
            return true;
        }
        int forwardMask = exclusiveMask(usageMask);
        Node nextRoot = Node.root(next);
        Node unsafe = bfs(nextRoot, true, n -> usageMatch(n, forwardMask), true);
        if (unsafe == null) {
            return true;
        }
        int backwardMask = exclusiveMask(unsafe.cls.usage & LOCKF_ENABLED_IRQ_ALL);
        Node prevRoot = Node.rootb(prev);
        Node safe = bfs(prevRoot, false, n -> usageMatch(n, backwardMask), true);
        if (safe == null) {
            return true;
        }
        int bit1 = -1;
        int bit2 = -1;
        for (int bit = 0; bit < USED && bit1 < 0; bit++) {
            if ((safe.cls.usage & (1 << bit)) == 0) {
                continue;
            }
            int excl = exclusiveBit(bit);
            if ((unsafe.cls.usage & (1 << excl)) != 0) {
                bit1 = bit;
                bit2 = excl;
            } else if ((unsafe.cls.usage & (1 << (excl | READ_MASK))) != 0) {
                bit1 = bit;
                bit2 = excl | READ_MASK;
            }
        }
        if (bit1 < 0) {
            return true;
        }
        if (report("safe-unsafe:" + safe.cls.id + ":" + unsafe.cls.id + ":" + bit1)) {
            printBadIrqDependency(ts, prevRoot, nextRoot, safe, unsafe, prev, next, bit1, bit2, stateName(bit1));
        }
        return active();
    }

    /**
     * __bfs: breadth-first from root along after (forwards) or before (backwards) edges; each
     * class is visited once, on the first path that reaches it; a step -(S*)-> right after a
     * path of -(*R)-> steps is not strong and ends that path (lockdep-design.rst,
     * "Recursive read locks"); match is tried on every node reached strongly, the root first.
     */
    private static Node bfs(Node root, boolean forwards, Predicate<Node> match) {
        return bfs(root, forwards, match, false);
    }

    /**
     * usage_skip: the irq-usage searches pass over a per-CPU lock (local_lock_t: every CPU has
     * its own, so it cannot close an irq inversion between CPUs) and a wait-type override
     * annotation, neither matching nor going on through them.
     */
    private static boolean usageSkip(Node n) {
        return n.cls.lockType != LD_LOCK_NORMAL
                && !(n.cls.lockType == LD_LOCK_PERCPU && n.cls.waitInner < LD_WAIT_CONFIG);
    }

    private static Node bfs(Node root, boolean forwards, Predicate<Node> match, boolean irqSearch) {
        Set<LockClass> seen = new HashSet<>();
        ArrayDeque<Node> queue = new ArrayDeque<>();
        queue.add(root);
        while (!queue.isEmpty()) {
            Node n = queue.poll();
            if (!seen.add(n.cls)) {
                continue;
            }
            if (n.parent != null) {
                int dep = n.dep;
                if (n.parent.onlyXr) {
                    dep &= ~(DEP_SR | DEP_SN);
                }
                if (dep == 0) {
                    continue;
                }
                n.onlyXr = (dep & (DEP_SN | DEP_EN)) == 0;
            }
            if (irqSearch && usageSkip(n)) {
                continue;
            }
            if (match.test(n)) {
                return n;
            }
            for (Edge e : forwards ? n.cls.after : n.cls.before) {
                queue.add(new Node(e.cls, n, e.trace, e.stack, e.dep));
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ printing

    /** Text built as the kernel's printk calls build it; blank lines kept. */
    private final class Out {
        final StringBuilder sb = new StringBuilder();

        Out line(String s) {
            sb.append(s).append('\n');
            return this;
        }

        Out blank() {
            return line("");
        }

        Out add(String text) {
            sb.append(text);
            if (!text.endsWith("\n")) {
                sb.append('\n');
            }
            return this;
        }

        Out trace(List<String> t, int spaces) {
            String pad = " ".repeat(spaces + 1);
            if (t != null) {
                for (String s : t) {
                    line(pad + s);
                }
            }
            return this;
        }

        void header(String title, int width) {
            blank();
            line("=".repeat(width));
            line(title);
            line(h.kernelIdent());
            line("-".repeat(width));
        }

        void backtrace() {
            blank();
            line("stack backtrace:");
            add(h.dumpStack());
        }

        String text() {
            return sb.toString();
        }
    }

    private String who(long task) {
        return h.comm(task) + "/" + h.pid(task);
    }

    private static String usageChars(LockClass c) {
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < 2; s++) {
            for (int r = 0; r < 2; r++) {
                int bit = s * 4 + r;
                char ch = '.';
                if ((c.usage & (1 << (bit + DIR_MASK))) != 0) {
                    ch = (c.usage & (1 << bit)) != 0 ? '?' : '+';
                } else if ((c.usage & (1 << bit)) != 0) {
                    ch = '-';
                }
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    /** print_lock_name: " (name){usage}-{outer:inner}". */
    private static String desc(LockClass c) {
        return " (" + c.label() + "){" + usageChars(c) + "}-{" + (c.waitOuter != 0 ? c.waitOuter : c.waitInner) + ":"
                + c.waitInner + "}";
    }

    private String printLock(Held hl) {
        return String.format("%016x", hl.instance) + desc(hl.cls) + ", at: " + h.symbol(hl.ip);
    }

    /** lockdep_print_held_locks. */
    private String heldLocks(long task) {
        List<Held> held = task(task).held;
        StringBuilder sb = new StringBuilder();
        if (held.isEmpty()) {
            return "no locks held by " + who(task) + ".\n";
        }
        sb.append(held.size()).append(held.size() > 1 ? " locks" : " lock").append(" held by ")
                .append(who(task)).append(":\n");
        for (int i = 0; i < held.size(); i++) {
            sb.append(" #").append(i).append(": ").append(printLock(held.get(i))).append('\n');
        }
        return sb.toString();
    }

    private String irqtraceEvents(TaskState ts) {
        return "irq event stamp: " + ts.irqEvents + "\n"
                + event("hardirqs last  enabled", ts.hardOnEvent, ts.hardOnIp)
                + event("hardirqs last disabled", ts.hardOffEvent, ts.hardOffIp)
                + event("softirqs last  enabled", ts.softOnEvent, ts.softOnIp)
                + event("softirqs last disabled", ts.softOffEvent, ts.softOffIp);
    }

    private String event(String what, int ev, long ip) {
        return String.format("%s at (%d): [<%016x>] %s%n", what, ev, ip, h.symbol(ip));
    }

    private String contextTag() {
        int pc = h.preemptCount();
        return String.format("[HC%d[%d]:SC%d[%d]:HE%d:SE%d]", (pc & HARDIRQ_MASK) != 0 ? 1 : 0, (pc & HARDIRQ_MASK) >> 16,
                inSoftirq(task(h.currentTask()), pc) ? 1 : 0, (pc & SOFTIRQ_MASK) >> 8,
                h.irqsEnabled() ? 1 : 0,
                (pc & SOFTIRQ_MASK) == 0 ? 1 : 0);
    }

    private void printDeadlockBug(TaskState ts, Held prev, Held next) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: possible recursive locking detected";
        o.header(head, 44);
        o.line(who(task) + " is trying to acquire lock:");
        o.line(printLock(next));
        o.blank().line("but task is already holding lock:");
        o.line(printLock(prev));
        o.blank().line("other info that might help us debug this:");
        o.line(" Possible unsafe locking scenario:").blank();
        o.line("       CPU0").line("       ----");
        o.line("  lock(" + prev.cls.label() + ");");
        o.line("  lock(" + next.cls.label() + ");");
        o.blank().line(" *** DEADLOCK ***").blank();
        o.line(" May be due to missing lock nesting notation").blank();
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        finding("lockdep:recursive-locking", head, List.of(prev.cls.label(), next.cls.label()),
                List.of(site(next, LockSite.ACQUIRE), new LockSite(prev.cls.label(), LockSite.HELD, List.of())));
    }

    private void printCircularBug(TaskState ts, Node root, Node target, Held src, Held tgt) {
        long task = h.currentTask();
        root.trace = trace();
        Out o = new Out();
        String head = "WARNING: possible circular locking dependency detected";
        o.header(head, 54);
        o.line(who(task) + " is trying to acquire lock:");
        o.line(printLock(src));
        o.blank().line("but task is already holding lock:");
        o.line(printLock(tgt));
        o.blank().line("which lock already depends on the new lock.").blank();
        o.blank().line("the existing dependency chain (in reverse order) is:");
        int depth = target.depth();
        for (Node n = target; n != null; n = n.parent) {
            o.blank().line("-> #" + depth-- + desc(n.cls) + ":");
            o.trace(n.trace, 6);
        }
        o.blank().line("other info that might help us debug this:").blank();
        LockClass source = src.cls;
        LockClass tclass = tgt.cls;
        LockClass parent = target.parent != null ? target.parent.cls : source;
        if (parent != source) {
            o.line("Chain exists of:");
            o.line("  " + source.label() + " --> " + parent.label() + " --> " + tclass.label()).blank();
        }
        o.line(" Possible unsafe locking scenario:").blank();
        o.line("       CPU0                    CPU1");
        o.line("       ----                    ----");
        o.line("  " + (tgt.read != 0 ? "rlock(" : "lock(") + tclass.label() + ");");
        o.line("                               lock(" + parent.label() + ");");
        o.line("                               lock(" + tclass.label() + ");");
        o.line("  " + (src.read != 0 ? "rlock(" : "lock(") + source.label() + ");");
        o.blank().line(" *** DEADLOCK ***").blank();
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        List<String> cycle = new ArrayList<>(List.of(src.cls.label(), tgt.cls.label()));
        for (Node n = target; n != null; n = n.parent) {
            cycle.add(n.cls.label());
        }
        List<LockSite> sites = new ArrayList<>(List.of(site(src, LockSite.ACQUIRE),
                new LockSite(tgt.cls.label(), LockSite.HELD, List.of())));
        for (Node n = target; n != null && n.parent != null; n = n.parent) {
            // the existing chain: each edge's later lock, acquired at the edge's stack
            sites.add(new LockSite(n.cls.label(), "after " + n.parent.cls.label(), n.stack));
        }
        finding("lockdep:circular-dependency", head, cycle, sites);
    }

    private void printUsageBug(TaskState ts, Held hl, int prevBit, int newBit) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: inconsistent lock state";
        o.header(head, 32);
        String what = "inconsistent {" + USAGE_STR[prevBit] + "} -> {" + USAGE_STR[newBit] + "} usage.";
        o.line(what);
        o.line(who(task) + " " + contextTag() + " takes:");
        o.line(printLock(hl));
        o.line("{" + USAGE_STR[prevBit] + "} state was registered at:");
        o.trace(hl.cls.traces[prevBit], 1);
        o.add(irqtraceEvents(ts));
        o.blank().line("other info that might help us debug this:");
        o.line(" Possible unsafe locking scenario:").blank();
        o.line("       CPU0").line("       ----");
        o.line("  lock(" + hl.cls.label() + ");");
        o.line("  <Interrupt>");
        o.line("    lock(" + hl.cls.label() + ");");
        o.blank().line(" *** DEADLOCK ***").blank();
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        finding("lockdep:inconsistent-lock-state", head + ": " + what, List.of(hl.cls.label()),
                List.of(new LockSite(hl.cls.label(), USAGE_STR[prevBit], hl.cls.stacks[prevBit]),
                        site(hl, USAGE_STR[newBit])));
    }

    private void irqScenario(Out o, LockClass safe, LockClass unsafe, LockClass prevClass, LockClass nextClass) {
        LockClass middle = prevClass == safe ? nextClass : prevClass;
        if (middle != unsafe) {
            o.line("Chain exists of:");
            o.line("  " + safe.label() + " --> " + middle.label() + " --> " + unsafe.label()).blank();
        }
        o.line(" Possible interrupt unsafe locking scenario:").blank();
        o.line("       CPU0                    CPU1");
        o.line("       ----                    ----");
        o.line("  lock(" + unsafe.label() + ");");
        o.line("                               local_irq_disable();");
        o.line("                               lock(" + safe.label() + ");");
        o.line("                               lock(" + middle.label() + ");");
        o.line("  <Interrupt>");
        o.line("    lock(" + safe.label() + ");");
        o.blank().line(" *** DEADLOCK ***").blank();
    }

    /** print_lock_class_header: the class with the traces of its irq usages. */
    private void classHeader(Out o, LockClass c, int depth) {
        String pad = " ".repeat(depth);
        o.line(pad + "->" + desc(c) + " {");
        for (int bit = 0; bit < USED; bit++) {
            if ((c.usage & (1 << bit)) != 0) {
                String s = pad + "   " + USAGE_STR[bit];
                o.line(s + " at:");
                o.trace(c.traces[bit], depth + s.length() + 5);
            }
        }
        o.line(pad + " }");
        o.line(pad + " ... key      at: [<" + String.format("%016x", c.baseKey) + ">] " + h.symbol(c.baseKey));
    }

    private void shortestDependencies(Out o, Node leaf) {
        int depth = leaf.depth();
        for (Node n = leaf; n != null; n = n.parent, depth--) {
            classHeader(o, n.cls, depth);
            o.line(" ".repeat(depth) + " ... acquired at:");
            o.trace(n.trace, 2);
            o.blank();
        }
    }

    private void shortestDependenciesBackwards(Out o, Node leaf) {
        int depth = leaf.depth();
        List<String> t = null;
        for (Node n = leaf; n != null; n = n.parent, depth--) {
            classHeader(o, n.cls, depth);
            if (t != null) {
                o.line(" ".repeat(depth) + " ... acquired at:");
                o.trace(t, 2);
                o.blank();
            }
            t = n.trace;
        }
    }

    private void printIrqInversion(TaskState ts, Node root, Node other, Held hl, boolean forwards, String irqclass) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: possible irq lock inversion dependency detected";
        o.header(head, 56);
        o.line(who(task) + " just changed the state of lock:");
        o.line(printLock(hl));
        o.line(forwards ? "but this lock took another, " + irqclass + "-unsafe lock in the past:"
                : "but this lock was taken by another, " + irqclass + "-safe lock in the past:");
        o.line(desc(other.cls));
        o.blank().blank().line("and interrupts could create inverse lock ordering between them.").blank();
        o.blank().line("other info that might help us debug this:");
        Node middle = other;
        for (Node n = other; n != null && n != root; n = n.parent) {
            middle = n;
        }
        LockClass mid = middle != null ? middle.cls : root.cls;
        if (forwards) {
            irqScenario(o, root.cls, other.cls, mid, other.cls);
        } else {
            irqScenario(o, other.cls, root.cls, mid, root.cls);
        }
        o.add(heldLocks(task));
        o.blank().line("the shortest dependencies between 2nd lock and 1st lock:");
        root.trace = trace();
        shortestDependencies(o, other);
        o.backtrace();
        h.print(o.text());
        finding("lockdep:irq-lock-inversion", head, List.of(root.cls.label(), other.cls.label()),
                List.of(site(hl, LockSite.ACQUIRE)));
    }

    private void printBadIrqDependency(TaskState ts, Node prevRoot, Node nextRoot, Node safe, Node unsafe,
                                       Held prev, Held next, int bit1, int bit2, String irqclass) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: " + irqclass + "-safe -> " + irqclass + "-unsafe lock order detected";
        o.header(head, 53);
        o.line(who(task) + " " + contextTag() + " is trying to acquire:");
        o.line(printLock(next));
        o.blank().line("and this task is already holding:");
        o.line(printLock(prev));
        o.line("which would create a new lock dependency:");
        o.line(desc(prev.cls) + " ->" + desc(next.cls));
        o.blank().line("but this new dependency connects a " + irqclass + "-irq-safe lock:");
        o.line(desc(safe.cls));
        o.blank().line("... which became " + irqclass + "-irq-safe at:");
        o.trace(safe.cls.traces[bit1], 1);
        o.blank().line("to a " + irqclass + "-irq-unsafe lock:");
        o.line(desc(unsafe.cls));
        o.blank().line("... which became " + irqclass + "-irq-unsafe at:");
        o.line("...");
        o.trace(unsafe.cls.traces[bit2], 1);
        o.blank().line("other info that might help us debug this:").blank();
        irqScenario(o, safe.cls, unsafe.cls, prev.cls, next.cls);
        o.add(heldLocks(task));
        o.blank().line("the dependencies between " + irqclass + "-irq-safe lock and the holding lock:");
        shortestDependenciesBackwards(o, safe);
        o.blank().line("the dependencies between the lock to be acquired");
        o.line(" and " + irqclass + "-irq-unsafe lock:");
        nextRoot.trace = trace();
        shortestDependencies(o, unsafe);
        o.backtrace();
        h.print(o.text());
        finding("lockdep:irq-safe-unsafe-order", head, List.of(safe.cls.label(), unsafe.cls.label()),
                List.of(new LockSite(safe.cls.label(), USAGE_STR[bit1], safe.cls.stacks[bit1]),
                        new LockSite(unsafe.cls.label(), USAGE_STR[bit2], unsafe.cls.stacks[bit2]),
                        new LockSite(prev.cls.label(), LockSite.HELD, List.of()), site(next, LockSite.ACQUIRE)));
    }

    private void printUnlockImbalance(TaskState ts, long map, long ip) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: bad unlock balance detected!";
        o.header(head, 37);
        String name = h.cString(h.load(map + 8, 8));
        if (name == null) {
            String sym = h.objectName(map);
            name = sym != null ? sym : "NULL";
        }
        o.line(who(task) + " is trying to release lock (" + name + ") at:");
        o.line(String.format("[<%016x>] %s", ip, h.symbol(ip)));
        o.line("but there are no more locks to release!");
        o.blank().line("other info that might help us debug this:");
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        finding("lockdep:bad-unlock-balance", head, List.of(name));
    }

    private void printInvalidWaitContext(TaskState ts, Held hl) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "[ BUG: Invalid wait context ]";
        o.header(head, 29);
        o.line(who(task) + " is trying to lock:");
        o.line(printLock(hl));
        o.line("other info that might help us debug this:");
        int curr = taskWaitContext(ts);
        o.line("context-{" + curr + ":" + curr + "}");
        o.add(heldLocks(task));
        o.line("stack backtrace:");
        o.add(h.dumpStack());
        h.print(o.text());
        List<String> locks = new ArrayList<>(List.of(hl.cls.label()));
        for (Held x : ts.held) {
            locks.add(x.cls.label());
        }
        finding("lockdep:invalid-wait-context", "BUG: Invalid wait context", locks);
    }

    private void printNestedLockNotHeld(Held hl, long nestLock) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: Nested lock was not taken";
        o.header(head, 34);
        o.line(who(task) + " is trying to lock:");
        o.line(printLock(hl));
        o.blank().line("but this task is not holding:");
        String name = h.cString(h.load(nestLock + 8, 8));
        if (name == null) {
            String sym = h.objectName(nestLock);
            name = sym != null ? sym : "NULL";
        }
        o.line(name);
        o.backtrace();
        o.blank().line("other info that might help us debug this:");
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        finding("lockdep:nested-lock-not-taken", head, List.of(hl.cls.label(), name));
    }

    private void printFreedLockBug(TaskState ts, long from, long to, Held hl) {
        long task = h.currentTask();
        Out o = new Out();
        String head = "WARNING: held lock freed!";
        o.header(head, 25);
        o.line(String.format("%s is freeing memory %016x-%016x, with a lock still held there!", who(task), from, to - 1));
        o.line(printLock(hl));
        o.add(heldLocks(task));
        o.backtrace();
        h.print(o.text());
        finding("lockdep:held-lock-freed", head, List.of(hl.cls.label()));
    }
}
