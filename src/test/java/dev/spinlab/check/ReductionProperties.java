package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The check command's reductions (KernelModel: user-steps, interrupts; the explorer's sleep
 * sets) change no verdict: random small scenarios — one kernel module built from locking
 * building blocks, one or two user programs that call its ioctl — are checked through the CLI
 * with --reductions none, all, user-steps, interrupts and sleep-sets, and must give the same
 * verdict, the same set of findings (kind and message, process ids and hashed pointers aside:
 * so also a deadlock or none) and the same exit status, and no reduced search may visit more
 * states than the unreduced one.
 *
 * Cost: each check boots its own kernel (compiling it: about 0.3 s) before it searches, so
 * scenarios are kept small enough that the unreduced search finishes within NONE_BOUND states:
 * one CPU; a device interrupt raised once; a timer that an ioctl arms and mostly deletes again,
 * which bounds the window in which it can fire (its tick path is a few hundred steps, taken
 * from every step of the window). Two CPUs are left out: with one program and no event at all
 * the unreduced search of two CPUs already visits about 100 000 states (init's last steps
 * interleave with the program's), several seconds per search, and with one interrupt more than
 * 2 000 000.
 */
class ReductionProperties {
    /** States the unreduced search may visit; a scenario that needs more is skipped (counted). */
    static final long NONE_BOUND = 100_000;
    /** The same for the two-CPU property, whose unreduced searches are bigger. */
    static final long NONE_BOUND_TWO_CPUS = 300_000;
    static final String DEVICE = "propdev";
    static final ObjectMapper JSON = new ObjectMapper();

    // ------------------------------------------------------------------ scenarios

    /** The spinlock API variants: the lock and unlock calls (IRQSAVE's take a flags variable too). */
    enum Variant {
        PLAIN("spin_lock", "spin_unlock"),
        BH("spin_lock_bh", "spin_unlock_bh"),
        IRQ("spin_lock_irq", "spin_unlock_irq"),
        IRQSAVE("spin_lock_irqsave", "spin_unlock_irqrestore");

        final String lock;
        final String unlock;

        Variant(String lock, String unlock) {
            this.lock = lock;
            this.unlock = unlock;
        }
    }

    /** A statement of a kernel function body. */
    sealed interface Op permits Inc, Read, Section, ArmTimer, DelTimer {}

    /** count++: a write of the shared counter. */
    record Inc() implements Op {}

    /** v += count: a read of the shared counter (v is the function's result). */
    record Read() implements Op {}

    /** A critical section; unlock false leaves the lock held (a deliberate bug). */
    record Section(int lock, Variant variant, List<Op> body, boolean unlock) implements Op {}

    /** mod_timer(&tmr, jiffies + delay). */
    record ArmTimer(int delay) implements Op {}

    /** del_timer(&tmr): closes the window in which the timer can fire. */
    record DelTimer() implements Op {}

    /**
     * The timer: its callback's body, and where the first ioctl command arms and deletes it; or,
     * fromIrq with a device interrupt, armed by the interrupt's handler instead (an event that
     * enables another: the interrupts reduction once put such a handler off past the access
     * the timer races with).
     */
    record Timer(List<Op> callback, int delay, int armAt, Optional<Integer> delAfter, boolean fromIrq) {}

    /** A device interrupt on line `line` (raised once by the model device, --irq line). */
    record Irq(int line, List<Op> handler) {}

    /** A user program: the ioctl commands it calls in order, user-mode work before each, close or not. */
    record Program(List<Integer> cmds, int work, boolean close) {}

    record Scenario(int cpus, String preempt, int locks, List<Boolean> staticLocks, List<Op> cmd1, List<Op> cmd2,
                    Optional<Timer> timer, Optional<Irq> irq, List<Program> programs) {
        /** The ioctl body of command 1 with the timer's arm and delete statements placed in it. */
        List<Op> cmd1WithTimer() {
            if (timer.isEmpty() || armedByIrq()) {
                return cmd1;
            }
            Timer t = timer.get();
            List<Op> body = new ArrayList<>(cmd1);
            int arm = Math.min(t.armAt(), body.size());
            body.add(arm, new ArmTimer(t.delay()));
            if (t.delAfter().isPresent()) {
                body.add(Math.min(arm + 1 + t.delAfter().get(), body.size()), new DelTimer());
            }
            return body;
        }

        boolean armedByIrq() {
            return timer.isPresent() && timer.get().fromIrq() && irq.isPresent();
        }

        /** The interrupt handler's body, with the timer's arm statement first when it arms it. */
        List<Op> handlerWithTimer() {
            List<Op> body = new ArrayList<>(irq.get().handler());
            if (armedByIrq()) {
                body.add(0, new ArmTimer(timer.get().delay()));
            }
            return body;
        }

        String module() {
            StringBuilder c = new StringBuilder();
            for (String h : List.of("module", "init", "fs", "miscdevice", "interrupt", "timer", "jiffies", "spinlock")) {
                c.append("#include <linux/").append(h).append(".h>\n");
            }
            c.append('\n');
            for (int l = 0; l < locks; l++) {
                c.append(staticLocks.get(l) ? "static DEFINE_SPINLOCK(lock" + l + ");\n" : "static spinlock_t lock" + l + ";\n");
            }
            c.append("static int count;\n");
            timer.ifPresent(t -> {
                c.append("static struct timer_list tmr;\n\n");
                c.append(function("static void tmr_fn(struct timer_list *t)", t.callback(), "(void)v;"));
            });
            irq.ifPresent(q -> {
                c.append('\n');
                c.append(function("static irqreturn_t dev_irq(int irq, void *dev_id)", handlerWithTimer(),
                        "(void)v;\nreturn IRQ_HANDLED;"));
            });
            c.append('\n');
            c.append(ioctl());
            c.append("\nstatic const struct file_operations dev_fops = {\n\t.owner = THIS_MODULE,\n"
                    + "\t.unlocked_ioctl = dev_ioctl,\n};\n\n");
            c.append("static struct miscdevice dev_misc = {\n\t.minor = MISC_DYNAMIC_MINOR,\n\t.name = \"" + DEVICE
                    + "\",\n\t.fops = &dev_fops,\n};\n\n");
            c.append("static int __init dev_init(void)\n{\n\tint ret;\n\n");
            for (int l = 0; l < locks; l++) {
                if (!staticLocks.get(l)) {
                    c.append("\tspin_lock_init(&lock").append(l).append(");\n");
                }
            }
            timer.ifPresent(t -> c.append("\ttimer_setup(&tmr, tmr_fn, 0);\n"));
            irq.ifPresent(q -> c.append("\tret = request_irq(" + q.line() + ", dev_irq, 0, \"" + DEVICE
                    + "\", &dev_misc);\n\tif (ret)\n\t\treturn ret;\n"));
            c.append("\tret = misc_register(&dev_misc);\n\treturn ret;\n}\n\n");
            c.append("MODULE_LICENSE(\"GPL\");\nmodule_init(dev_init);\n");
            return c.toString();
        }

        private String ioctl() {
            Body b1 = new Body(locks);
            b1.ops(cmd1WithTimer(), 2);
            Body b2 = new Body(locks, b1.flags);
            b2.ops(cmd2, 2);
            StringBuilder c = new StringBuilder("static long dev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)\n{\n");
            c.append("\tlong v = 0;\n");
            for (int i = 0; i < b2.flags; i++) {
                c.append("\tunsigned long flags").append(i).append(";\n");
            }
            c.append("\n\tif (cmd == 1) {\n").append(b1.text).append("\t} else {\n").append(b2.text).append("\t}\n");
            c.append("\treturn v & 1;\n}\n");
            return c.toString();
        }

        private String function(String signature, List<Op> ops, String tail) {
            Body b = new Body(locks);
            b.ops(ops, 1);
            StringBuilder c = new StringBuilder(signature).append("\n{\n\tlong v = 0;\n");
            for (int i = 0; i < b.flags; i++) {
                c.append("\tunsigned long flags").append(i).append(";\n");
            }
            c.append('\n').append(b.text);
            for (String l : tail.split("\n")) {
                c.append('\t').append(l).append('\n');
            }
            return c.append("}\n").toString();
        }

        String program(Program p) {
            StringBuilder c = new StringBuilder("#include <fcntl.h>\n#include <unistd.h>\n#include <sys/ioctl.h>\n\n");
            // a global, so that the user-mode loop's steps are visible ones (user-steps folds them)
            c.append("int total;\n\nint main(void)\n{\n\tint fd;\n\tint i;\n\n");
            c.append("\tfd = open(\"/dev/" + DEVICE + "\", O_RDWR);\n\tif (fd < 0)\n\t\treturn 2;\n");
            for (int cmd : p.cmds()) {
                if (p.work() > 0) {
                    c.append("\tfor (i = 0; i < ").append(p.work()).append("; i++)\n\t\ttotal += i;\n");
                }
                c.append("\ttotal += ioctl(fd, ").append(cmd).append(");\n");
            }
            if (p.close()) {
                c.append("\tclose(fd);\n");
            }
            return c.append("\treturn total & 1;\n}\n").toString();
        }

        /** The check command line after "check", with the files' directory. */
        List<String> args(Path dir, String reductions, String... search) {
            return args(dir, reductions, cpus == 1 ? NONE_BOUND : NONE_BOUND_TWO_CPUS, search);
        }

        /** As args(dir, reductions, search), with a bound of maxStates states. */
        List<String> args(Path dir, String reductions, long maxStates, String... search) {
            List<String> a = new ArrayList<>(List.of("check", "--format", "json", "--cpus", String.valueOf(cpus),
                    "--preempt", preempt, "--reductions", reductions, "--max-states", String.valueOf(maxStates)));
            a.addAll(List.of(search));
            irq.ifPresent(q -> a.addAll(List.of("--irq", String.valueOf(q.line()))));
            a.add(dir.resolve("mod.c").toString());
            for (int i = 0; i < programs.size(); i++) {
                a.add("p" + i + ":" + dir.resolve("p" + i + ".c"));
            }
            return a;
        }

        void write(Path dir) {
            try {
                Files.writeString(dir.resolve("mod.c"), module());
                for (int i = 0; i < programs.size(); i++) {
                    Files.writeString(dir.resolve("p" + i + ".c"), program(programs.get(i)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The files and the command line: what a falsified sample shows, enough to reproduce it. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder("\n==== mod.c\n").append(module());
            for (int i = 0; i < programs.size(); i++) {
                s.append("==== p").append(i).append(".c\n").append(program(programs.get(i)));
            }
            s.append("==== spinlab ").append(String.join(" ", args(Path.of("."), "none"))).append('\n');
            return s.toString();
        }
    }

    /** Renders ops as C statements, numbering the flags variables irqsave sections need. */
    static final class Body {
        final int locks;
        int flags;
        final StringBuilder text = new StringBuilder();

        Body(int locks) {
            this(locks, 0);
        }

        Body(int locks, int flags) {
            this.locks = locks;
            this.flags = flags;
        }

        void ops(List<Op> ops, int indent) {
            for (Op op : ops) {
                op(op, indent);
            }
        }

        private void line(int indent, String s) {
            text.append("\t".repeat(indent)).append(s).append('\n');
        }

        private void op(Op op, int indent) {
            if (op instanceof Inc) {
                line(indent, "count++;");
            } else if (op instanceof Read) {
                line(indent, "v += count;");
            } else if (op instanceof ArmTimer a) {
                line(indent, "mod_timer(&tmr, jiffies + " + a.delay() + ");");
            } else if (op instanceof DelTimer) {
                line(indent, "del_timer(&tmr);");
            } else if (op instanceof Section s) {
                String lock = "&lock" + Math.floorMod(s.lock(), locks);
                String f = s.variant() == Variant.IRQSAVE ? ", flags" + flags++ : "";
                line(indent, s.variant().lock + "(" + lock + f + ");");
                ops(s.body(), indent);
                if (s.unlock()) {
                    line(indent, s.variant().unlock + "(" + lock + f + ");");
                }
            }
        }
    }

    // ------------------------------------------------------------------ generators

    static Arbitrary<Op> leaf() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(new Inc())), Tuple.of(2, Arbitraries.just(new Read())));
    }

    /**
     * A critical section whose body nests at most `depth` more sections. Nesting is rare and a
     * missing unlock rarer: both tend to end a scenario at its first ioctl (a lock taken twice,
     * a deadlock) before any interleaving matters, and the scenarios should be clean about as
     * often as not.
     */
    @SuppressWarnings("unchecked")
    static Arbitrary<Op> section(int depth) {
        Arbitrary<Op> inner = depth == 0 ? leaf() : Arbitraries.frequencyOf(Tuple.of(5, leaf()), Tuple.of(1, section(depth - 1)));
        Arbitrary<Boolean> unlock = Arbitraries.frequency(Tuple.of(19, true), Tuple.of(1, false));
        return Combinators.combine(Arbitraries.integers().between(0, 1), Arbitraries.of(Variant.class),
                inner.list().ofMinSize(1).ofMaxSize(2), unlock).as(Section::new);
    }

    /** A function body: 1 to maxSize statements, mostly critical sections. */
    @SuppressWarnings("unchecked")
    static Arbitrary<List<Op>> ops(int depth, int maxSize) {
        return Arbitraries.frequencyOf(Tuple.of(1, leaf()), Tuple.of(2, section(depth))).list().ofMinSize(1).ofMaxSize(maxSize);
    }

    static Arbitrary<Timer> timers() {
        return Combinators.combine(ops(0, 2), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(0, 3),
                // deleting the timer again bounds where it can fire; left armed it can fire at every
                // later step (and its tick path is long): rare, to keep the searches small
                Arbitraries.integers().between(0, 2).optional(0.85),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(1, false))).as(Timer::new);
    }

    static Arbitrary<Irq> irqs() {
        return Combinators.combine(Arbitraries.of(5, 7), ops(0, 2)).as(Irq::new);
    }

    /**
     * The events: none, a device interrupt, a timer, or both. Both is the rarest: the interrupt
     * can come at any step and the timer at any step of its window, so the unreduced search is
     * about their product.
     */
    @SuppressWarnings("unchecked")
    static Arbitrary<Tuple.Tuple2<Optional<Timer>, Optional<Irq>>> events() {
        Arbitrary<Optional<Timer>> noTimer = Arbitraries.just(Optional.empty());
        Arbitrary<Optional<Irq>> noIrq = Arbitraries.just(Optional.empty());
        Arbitrary<Optional<Timer>> timer = timers().map(Optional::of);
        Arbitrary<Optional<Irq>> irq = irqs().map(Optional::of);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(noTimer, noIrq).as(Tuple::of)),
                Tuple.of(4, Combinators.combine(noTimer, irq).as(Tuple::of)),
                Tuple.of(2, Combinators.combine(timer, noIrq).as(Tuple::of)),
                Tuple.of(1, Combinators.combine(timer, irq).as(Tuple::of)));
    }

    static Arbitrary<Program> programs() {
        return Combinators.combine(Arbitraries.integers().between(1, 2).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.integers().between(0, 3), Arbitraries.of(true, false)).as(Program::new);
    }

    @Provide
    static Arbitrary<Scenario> scenarios() {
        Arbitrary<Tuple.Tuple4<Integer, String, Integer, List<Boolean>>> machine = Combinators.combine(
                Arbitraries.just(1), Arbitraries.of("voluntary", "full"), Arbitraries.integers().between(1, 2),
                Arbitraries.of(true, false).list().ofSize(2)).as(Tuple::of);
        return Combinators.combine(machine, ops(1, 3), ops(1, 2), events(),
                        Arbitraries.frequencyOf(Tuple.of(2, programs().list().ofSize(1)), Tuple.of(1, programs().list().ofSize(2))))
                .as((m, c1, c2, e, p) -> new Scenario(m.get1(), m.get2(), m.get3(), m.get4(), c1, c2, e.get1(), e.get2(), p));
    }

    // ------------------------------------------------------------------ running check

    /**
     * What a check printed that the reductions must preserve (verdict, finding kinds, exit
     * status), plus what they may change (states). verdict "boot" stands for a scenario whose
     * boot already ends the run (with two programs on one CPU the first can deadlock before
     * init has started the second), so there is no search.
     */
    /** lockdepProblems: lockdep's findings as problems (lockdepProblem), for the comparison across search orders. */
    record Outcome(int code, String verdict, boolean bound, long states, TreeSet<String> kinds, TreeSet<String> findings,
                   TreeSet<String> lockdepProblems) {
        boolean informative() {
            return !bound && !verdict.equals("boot");
        }

        @Override
        public String toString() {
            return "exit " + code + ", " + verdict + (bound ? " (bound)" : "") + ", " + states + " states, findings "
                    + findings;
        }
    }

    /**
     * A finding as the searches must agree on it: its kind, location and message without what
     * names one path rather than another (process ids, which depend on fork order; hashed pointers).
     */
    static TreeSet<String> withoutLockdep(TreeSet<String> findings) {
        TreeSet<String> out = new TreeSet<>();
        findings.stream().filter(f -> !f.startsWith("lockdep:")).forEach(out::add);
        return out;
    }

    /** The two reports lockdep makes of one irq-order problem, depending on which it met last. */
    static String lockdepFamily(String kind) {
        return kind.equals("lockdep:irq-lock-inversion") || kind.equals("lockdep:irq-safe-unsafe-order")
                ? "lockdep:irq-order" : kind;
    }

    /** Finding kinds with lockdep's irq-order pair as one. */
    static TreeSet<String> lockdepFamilies(TreeSet<String> kinds) {
        TreeSet<String> out = new TreeSet<>();
        kinds.forEach(k -> out.add(lockdepFamily(k)));
        return out;
    }

    /** A lockdep finding as a problem: the report's family and the lock classes it is about. */
    static String lockdepProblem(JsonNode f) {
        JsonNode locks = f.get("locks");
        return lockdepFamily(f.get("kind").asText()) + (locks == null ? "" : " " + locks);
    }

    static String comparable(JsonNode f) {
        JsonNode at = f.get("location");
        // lockdep's reports are about their lock classes; which acquisition completed one depends
        // on the order the search met the paths (Finding.key)
        String where = at == null || f.get("kind").asText().startsWith("lockdep:") ? ""
                : " @" + at.get("file").asText() + ":" + at.get("line").asInt();
        String m = f.get("message").asText()
                .replaceAll("PID: \\d+", "PID: N")
                .replaceAll("([A-Za-z0-9_]+)/\\d+\\b", "$1/N")
                .replaceAll("\\b[0-9a-f]{16}\\b", "ADDR");
        m = dev.spinlab.kernel.Finding.withUsagesInOrder(m); // in whichever order the search met them
        JsonNode locks = f.get("locks");
        return f.get("kind").asText() + where + ": " + m + (locks == null ? "" : " " + locks);
    }

    static Outcome check(Scenario s, Path dir, String reductions, String... search) {
        return check(s, dir, reductions, s.cpus() == 1 ? NONE_BOUND : NONE_BOUND_TWO_CPUS, search);
    }

    /** As check(s, dir, reductions, search), with a bound of maxStates states. */
    static Outcome check(Scenario s, Path dir, String reductions, long maxStates, String... search) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(s.args(dir, reductions, maxStates, search).toArray(new String[0]), new PrintWriter(out),
                new PrintWriter(err));
        // a compile error or crash is a bug of the generator or of spinlab, never a skip
        assertThat(code).as("check --reductions %s exits 0, 1 or 3; stderr:%n%s%s", reductions, err, s)
                .isIn(0, 1, 3);
        if (code == 1 && out.toString().startsWith("spinlab check: the run ended during boot")) {
            return new Outcome(code, "boot", false, 0, new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
        }
        try {
            JsonNode root = JSON.readTree(out.toString());
            TreeSet<String> kinds = new TreeSet<>();
            TreeSet<String> findings = new TreeSet<>();
            TreeSet<String> problems = new TreeSet<>();
            root.get("findings").forEach(f -> {
                kinds.add(f.get("kind").asText());
                findings.add(comparable(f));
                if (f.get("kind").asText().startsWith("lockdep:")) {
                    problems.add(lockdepProblem(f));
                }
            });
            return new Outcome(code, root.get("verdict").asText(), root.has("bound"), root.get("states").asLong(), kinds,
                    findings, problems);
        } catch (IOException e) {
            throw new AssertionError("check --reductions " + reductions + " printed no JSON:\n" + out + err + s, e);
        }
    }

    static Path writeTemp(Scenario s) {
        try {
            Path dir = Files.createTempDirectory("spinlab-reductions");
            s.write(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final List<String> REDUCED = List.of("all", "user-steps", "interrupts", "sleep-sets", "read-only",
            "cpu-local", "spin-waits", "all,pass-through", "private-data", "all,private-data");

    /**
     * The searches of a scenario (none, all, then each reduction alone), two at a time: each check boots its own kernel and
     * searches single-threaded, and nothing in spinlab is shared between Kernel instances, so
     * they can run side by side (about half the wall time on two cores).
     */
    static List<Outcome> checkAll(Scenario s, Path dir) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> none = pool.submit(() -> check(s, dir, "none"));
            Future<Outcome> all = pool.submit(() -> check(s, dir, "all"));
            List<Outcome> out = new ArrayList<>(List.of(none.get(), all.get()));
            if (out.get(0).informative()) {
                // the single reductions only when the unreduced search is worth comparing with
                List<Future<Outcome>> single = new ArrayList<>();
                for (String r : REDUCED.subList(1, REDUCED.size())) {
                    // spin-waits alone may visit up to twice the unreduced states (assertReducedAgree)
                    long bound = (r.equals("spin-waits") ? 2 : 1) * (s.cpus() == 1 ? NONE_BOUND : NONE_BOUND_TWO_CPUS);
                    single.add(pool.submit(() -> check(s, dir, r, bound)));
                }
                for (Future<Outcome> f : single) {
                    out.add(f.get());
                }
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ properties

    /**
     * Edge cases are off: jqwik's edge cases of these generators are the same few minimal
     * scenarios (one Inc, no events), which would take most of the tries.
     */
    @Property(tries = 20, edgeCases = EdgeCasesMode.NONE)
    void reductionsKeepVerdictAndFindingKinds(@ForAll("scenarios") Scenario s) {
        Path dir = writeTemp(s);
        try {
            List<Outcome> all = checkAll(s, dir);
            Outcome none = all.get(0);
            // A scenario too big for the unreduced search (or that ends during boot) says nothing
            // about the reductions and is skipped. About one in ten is (mostly a timer together
            // with an interrupt), so the coverage check fails the property when more than half of
            // the 20 are (by chance: about 1 run in 100 000); it also requires both verdicts among
            // the rest, so that neither a generator of only clean nor of only broken scenarios passes.
            Statistics.label("unreduced search").collect(none.bound() ? "bound" : none.verdict());
            Statistics.label("unreduced search").coverage(c -> {
                c.checkQuery(v -> v.get(0).equals("bound") || v.get(0).equals("boot")).percentage(p -> p <= 50.0);
                c.check("ok").count(n -> n >= 1);
                c.check("findings").count(n -> n >= 1);
            });
            Statistics.label("events").collect(s.timer().isPresent() ? s.irq().isPresent() ? "timer+irq" : "timer"
                    : s.irq().isPresent() ? "irq" : "none");
            Assume.that(none.informative());
            assertReducedAgree(s, all);
        } finally {
            delete(dir);
        }
    }

    /**
     * Each reduced search of checkAll's outcomes (after the unreduced one, first) gives the
     * unreduced verdict, finding kinds and exit status, and finishes within its states.
     */
    static void assertReducedAgree(Scenario s, List<Outcome> all) {
        Outcome none = all.get(0);
        for (int i = 0; i < REDUCED.size(); i++) {
            Outcome red = all.get(i + 1);
            String why = "--reductions none: " + none + "\n--reductions " + REDUCED.get(i) + ": " + red + "\n" + s;
            assertThat(red.verdict()).as(why).isEqualTo(none.verdict());
            // lockdep's graph is the whole search's, so of the two reports of one irq-order problem
            // (a usage bit set after the dependency: "possible irq lock inversion"; a dependency
            // added after the bit: "irq-safe -> irq-unsafe lock order") a search makes the one its
            // order meets; the problems, as families with their lock classes, are the same
            assertThat(lockdepFamilies(red.kinds())).as(why).isEqualTo(lockdepFamilies(none.kinds()));
            assertThat(withoutLockdep(red.findings())).as(why).isEqualTo(withoutLockdep(none.findings()));
            assertThat(red.lockdepProblems()).as(why).isEqualTo(none.lockdepProblems());
            assertThat(red.code()).as(why).isEqualTo(none.code());
            // the reduced searches visit a subset of the states the unreduced one does, but for
            // spin-waits alone: it clears the event register in every state, and a wait's first
            // wake-up can be a state of its own where its round changes more than dead registers
            // (the exclusive monitor of a rwlock's ldrex, say: SpinWaits); bounded here by twice
            // the unreduced count
            assertThat(red.bound()).as(why).isFalse();
            if (REDUCED.get(i).equals("spin-waits")) {
                assertThat(red.states()).as(why).isLessThanOrEqualTo(2 * none.states());
            } else {
                assertThat(red.states()).as(why).isLessThanOrEqualTo(none.states());
            }
        }
    }

    /**
     * Same answers whatever the search (issue 14): breadth-first on one and on two threads and
     * depth-first find the same set of findings (kind and message, process ids aside) on random
     * one-CPU scenarios, and the same verdict and exit status. Few tries: each costs three
     * searches, and the reductions' property above already covers the generator's range.
     */
    @Property(tries = 6, edgeCases = EdgeCasesMode.NONE)
    void everySearchFindsTheSameFindings(@ForAll("scenarios") Scenario s) {
        Path dir = writeTemp(s);
        try {
            Outcome bfs = check(s, dir, "all", "--threads", "1");
            Assume.that(bfs.informative());
            for (String[] search : List.of(new String[] {"--search", "dfs"}, new String[] {"--threads", "2"})) {
                // depth-first has no sleep sets (docs/check.md, "Bounds"), so it may visit more
                // states than breadth-first: 103,621 against 96,974 on a scenario CI generated,
                // over the bound. The other searches get twice the bound and must finish in it
                Outcome other = check(s, dir, "all", 2 * NONE_BOUND, search);
                String why = "bfs: " + bfs + "\n" + String.join(" ", search) + ": " + other + "\n" + s;
                assertThat(other.bound()).as(why).isFalse();
                if (!search[0].equals("--search") || other.findings().equals(bfs.findings())) {
                    assertThat(other.code()).as(why).isEqualTo(bfs.code());
                }
                if (search[0].equals("--search")) {
                    // lockdep's graph is one for the whole search, so which of its reports a
                    // search makes can depend on the order it meets the paths (docs/check.md,
                    // "Limits"): depth-first is compared on everything else
                    assertThat(withoutLockdep(other.findings())).as(why).isEqualTo(withoutLockdep(bfs.findings()));
                } else {
                    assertThat(other.verdict()).as(why).isEqualTo(bfs.verdict());
                    assertThat(other.findings()).as(why).isEqualTo(bfs.findings());
                }
            }
        } finally {
            delete(dir);
        }
    }

    /**
     * Two CPUs, where the interleavings reduction and the sleep sets do most of their work:
     * two programs (one on each CPU, as the scheduler places them), each making one call into
     * the module, and no events (with a device interrupt or a timer the unreduced two-CPU
     * search is mostly beyond what a test can afford). Fewer tries than on one CPU: an
     * unreduced two-CPU search costs seconds. The same verdict, finding kinds and exit status are required, and
     * at least one scenario must be small enough to compare.
     */
    @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
    void twoCpusKeepVerdictAndFindingKinds(@ForAll("twoCpuScenarios") Scenario s) {
        Path dir = writeTemp(s);
        try {
            List<Outcome> all = checkAll(s, dir);
            Outcome none = all.get(0);
            Statistics.label("unreduced two-CPU search").collect(none.bound() ? "bound" : none.verdict());
            Statistics.label("unreduced two-CPU search").coverage(c ->
                    c.checkQuery(v -> v.get(0).equals("ok") || v.get(0).equals("findings")).count(n -> n >= 1));
            Assume.that(none.informative());
            assertReducedAgree(s, all);
        } finally {
            delete(dir);
        }
    }

    @Provide
    static Arbitrary<Scenario> twoCpuScenarios() {
        Arbitrary<Tuple.Tuple4<Integer, String, Integer, List<Boolean>>> machine = Combinators.combine(
                Arbitraries.just(2), Arbitraries.of("voluntary", "full"), Arbitraries.integers().between(1, 2),
                Arbitraries.of(true, false).list().ofSize(2)).as(Tuple::of);
        Arbitrary<Tuple.Tuple2<Optional<Timer>, Optional<Irq>>> events =
                Arbitraries.just(Tuple.of(Optional.<Timer>empty(), Optional.<Irq>empty()));
        // one system call each, no user-mode work: two of them on two CPUs are already thousands
        // of interleavings
        Arbitrary<Program> small = Combinators.combine(Arbitraries.integers().between(1, 2).list().ofSize(1),
                Arbitraries.just(0), Arbitraries.of(true, false)).as(Program::new);
        return Combinators.combine(machine, ops(1, 2), ops(1, 1), events, small.list().ofSize(2))
                .as((m, c1, c2, e, p) -> new Scenario(m.get1(), m.get2(), m.get3(), m.get4(), c1, c2, e.get1(), e.get2(), p));
    }

    /** The first n scenarios the generator makes from a fixed seed (outside jqwik's property runner). */
    static List<Scenario> sample(long seed, int n) {
        var gen = scenarios().generator(100);
        Random random = new Random(seed);
        List<Scenario> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(gen.next(random).value());
        }
        return out;
    }

    /**
     * The generator covers both verdicts: among the first scenarios of a fixed seed, the
     * unreduced search finds nothing in one and something in another. Otherwise the property
     * could pass by comparing only clean runs (or only broken ones).
     */
    @Example
    void generatedScenariosCoverBothVerdicts() {
        boolean ok = false;
        boolean findings = false;
        for (Scenario s : sample(2024, 20)) {
            Path dir = writeTemp(s);
            try {
                Outcome none = check(s, dir, "none");
                ok |= none.verdict().equals("ok") && none.informative();
                findings |= none.verdict().equals("findings") && none.informative();
            } finally {
                delete(dir);
            }
            if (ok && findings) {
                return;
            }
        }
        assertThat(ok).as("a clean scenario among the first 20").isTrue();
        assertThat(findings).as("a scenario with findings among the first 20").isTrue();
    }
}
