package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.check.Explorer;
import dev.spinlab.check.TraceStep;
import dev.spinlab.check.KState;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.Simulation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * run's and check's findings as a SARIF 2.1.0 log (docs/sarif.md), for code-scanning tools:
 * one run whose driver is spinlab with a rule per {@link FindingKind} ({@link SarifRules}),
 * one result per finding at the driver's source line ({@link Finding#where()}), the other
 * driver frames of its stack as related locations (an interrupted frame says so), the stack
 * itself, check's trace as a code flow with a thread flow per CPU ({@link #codeFlow}), and a
 * partial fingerprint that survives edits elsewhere in the file ({@link #fingerprint}).
 */
public final class SarifReport {
    private SarifReport() {}

    public static final String SCHEMA =
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    public static final String VERSION = "2.1.0";
    /** The partialFingerprints key: its version changes when what it hashes does. */
    public static final String FINGERPRINT = "spinlabFinding/v1";

    /** What a finding of run or replay is reported with. */
    public static String run(Kernel k, KernelConfig cfg, Simulation.Result r, SarifSources src,
                             List<String> arguments, int exitCode) {
        ObjectNode root = log();
        ObjectNode run = run(root, src, arguments, exitCode);
        ObjectNode p = run.putObject("properties");
        p.put("command", "run");
        p.put("end", r.end().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        p.put("timeNs", r.timeNs());
        p.put("steps", r.steps());
        p.put("cpus", cfg.cpus());
        p.put("preempt", cfg.preempt().label());
        p.put("seed", cfg.seed());
        ArrayNode results = run.putArray("results");
        for (Finding f : k.findings()) {
            results.add(result(f, src));
        }
        return root.toPrettyString();
    }

    /** check's findings, each with its trace as a code flow. */
    public static String check(Explorer.Result<KState> r, KernelConfig cfg, SarifSources src,
                               List<String> arguments, int exitCode) {
        ObjectNode root = log();
        ObjectNode run = run(root, src, arguments, exitCode);
        ObjectNode p = run.putObject("properties");
        p.put("command", "check");
        p.put("verdict", r.verdict() == Explorer.Verdict.OK ? "ok"
                : r.verdict() == Explorer.Verdict.FINDINGS ? "findings" : "bound");
        if (r.boundHit() != null) {
            p.put("bound", r.boundHit());
        }
        p.put("states", r.states());
        p.put("transitions", r.transitions());
        p.put("depth", r.depth());
        p.put("cpus", cfg.cpus());
        p.put("preempt", cfg.preempt().label());
        ArrayNode results = run.putArray("results");
        for (Explorer.Finding<KState> f : r.findings()) {
            ObjectNode res = result(f.finding(), src);
            ObjectNode flow = codeFlow(f.finding(), f.trace(), src);
            if (flow != null) {
                res.putArray("codeFlows").add(flow);
            }
            results.add(res);
        }
        return root.toPrettyString();
    }

    /** check's log when the boot itself ended: one result of kind boot, nowhere in the sources. */
    public static String bootEnded(KernelConfig cfg, String why, SarifSources src, List<String> arguments,
                                   int exitCode) {
        ObjectNode root = log();
        ObjectNode run = run(root, src, arguments, exitCode);
        run.putObject("properties").put("command", "check").put("verdict", "findings").put("cpus", cfg.cpus())
                .put("preempt", cfg.preempt().label());
        Finding f = Finding.of(FindingKind.BOOT, why);
        run.putArray("results").add(result(f, src));
        return root.toPrettyString();
    }

    private static ObjectNode log() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", SCHEMA);
        root.put("version", VERSION);
        return root;
    }

    private static ObjectNode run(ObjectNode root, SarifSources src, List<String> arguments, int exitCode) {
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "spinlab");
        String v = SarifReport.class.getPackage().getImplementationVersion();
        driver.put("version", v == null ? "dev" : v);
        if (v != null && v.matches("\\d+\\.\\d+\\.\\d+.*")) {
            driver.put("semanticVersion", v);
        }
        driver.put("informationUri", SarifRules.HOME);
        driver.set("rules", SarifRules.all());
        run.putObject("originalUriBaseIds").putObject(SarifSources.SRCROOT).putObject("description")
                .put("text", "The directory spinlab ran in: the paths of the modules and programs are relative to it.");
        ObjectNode inv = run.putArray("invocations").addObject();
        ArrayNode args = inv.putArray("arguments");
        arguments.forEach(args::add);
        inv.put("exitCode", exitCode);
        // the analysis ran to its end (findings, a clean verdict or a bound are all answers)
        inv.put("executionSuccessful", true);
        return run;
    }

    /** One finding as a SARIF result (without its code flow). */
    static ObjectNode result(Finding f, SarifSources src) {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("ruleId", f.kind().id);
        r.put("ruleIndex", f.kind().ordinal());
        r.put("level", SarifRules.level(f.kind()));
        r.putObject("message").put("text", f.headline());
        r.putArray("locations").add(src.location(where(f, src), null));
        ArrayNode related = relatedLocations(f, src);
        if (!related.isEmpty()) {
            r.set("relatedLocations", related);
        }
        if (!f.stack().isEmpty()) {
            ObjectNode stack = r.putArray("stacks").addObject();
            stack.putObject("message").put("text", "the kernel stack at the report, innermost first");
            ArrayNode frames = stack.putArray("frames");
            for (StackEntry e : f.stack()) {
                String text = e.isFolded() ? e.function() : e.function() + " (" + e.loc() + ")";
                frames.addObject().set("location", src.location(e.loc().file(), e.loc().line(),
                        e.isFolded() ? null : e.function(), text));
            }
        }
        r.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f));
        ObjectNode p = r.putObject("properties");
        p.put("cpu", f.cpu());
        p.put("task", f.task());
        p.put("pid", f.pid());
        p.put("preemptCount", String.format("%08x", f.context().preemptCount()));
        p.put("irqsEnabled", f.context().irqsEnabled());
        if (!f.locks().isEmpty()) {
            f.locks().forEach(p.putArray("locks")::add);
        }
        if (f.report() != null) {
            p.put("report", f.report());
        }
        return r;
    }

    /**
     * Where a result is: the finding's location when it is in the user's code, else the first
     * of lockdep's acquisition sites that is (the driver line that took a lock still held on
     * the return to user space), else the finding's location.
     */
    static Finding.Where where(Finding f, SarifSources src) {
        if (src.isUsers(f.where().file())) {
            return f.where();
        }
        for (dev.spinlab.lockdep.LockSite site : f.sites()) {
            FixAdvice.Acq a = FixAdvice.acquisition(site.stack(), src::isUsers);
            if (a != null) {
                return new Finding.Where(a.frame().loc().file(), a.frame().loc().line(), a.frame().function());
            }
        }
        return f.where();
    }

    /**
     * The user's other frames on the finding's stack, outwards from its location: the code that
     * called it, and across an interrupt's entry the code the interrupt arrived on (the other
     * side of an irq or softirq deadlock: what held the lock when the handler came).
     */
    static ArrayNode relatedLocations(Finding f, SarifSources src) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        List<StackEntry> st = f.stack();
        int at = -1;
        for (int i = 0; i < st.size(); i++) {
            StackEntry e = st.get(i);
            if (!e.isFolded() && e.function().equals(f.where().function()) && e.loc().file().equals(f.where().file())
                    && e.loc().line() == f.where().line()) {
                at = i;
                break;
            }
        }
        boolean interrupted = at >= 0 && st.get(at).exceptionEntry();
        int id = 1;
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(f.where().file() + ":" + f.where().line());
        for (int i = at + 1; at >= 0 && i < st.size(); i++) {
            StackEntry e = st.get(i);
            if (e.isFolded()) {
                continue;
            }
            if (src.isUsers(e.loc().file()) && seen.add(e.loc().file() + ":" + e.loc().line())) {
                String msg = interrupted
                        ? e.function() + " was running here when the interrupt arrived on its CPU"
                        : e.function() + " calls the path to the finding here";
                ObjectNode loc = src.location(e, msg);
                loc.put("id", id++);
                out.add(loc);
            }
            interrupted |= e.exceptionEntry();
        }
        // lockdep's acquisitions (the other usage, the other side of a lock order), at their user frame
        for (dev.spinlab.lockdep.LockSite site : f.sites()) {
            FixAdvice.Acq a = FixAdvice.acquisition(site.stack(), src::isUsers);
            if (a != null && seen.add(a.frame().loc().file() + ":" + a.frame().loc().line())) {
                String how = site.usage().equals(dev.spinlab.lockdep.LockSite.ACQUIRE) ? "is acquired here"
                        : site.usage().startsWith("after ") ? "is taken here " + site.usage()
                        : "was used {" + site.usage() + "} here";
                ObjectNode loc = src.location(a.frame(), site.lock() + " " + how);
                loc.put("id", id++);
                out.add(loc);
            }
        }
        return out;
    }

    /**
     * check's trace as one code flow: a thread flow per CPU (in CPU order), each group of steps
     * ({@link TraceSteps#fold}) a location on its CPU's flow, numbered in trace order
     * (executionOrder), with the CPU's preempt count and irq flag after it as its state; the
     * finding's own location ends its CPU's flow. Null for an empty trace.
     */
    static ObjectNode codeFlow(Finding f, List<Explorer.Step> trace, SarifSources src) {
        List<TraceSteps.Group> groups = TraceSteps.fold(trace);
        if (groups.isEmpty()) {
            return null;
        }
        java.util.TreeMap<Integer, ArrayNode> perCpu = new java.util.TreeMap<>();
        int order = 1;
        for (TraceSteps.Group g : groups) {
            TraceStep s = g.lastStep();
            int cpu = Math.max(s.cpu(), 0);
            ObjectNode tfl = JsonNodeFactory.instance.objectNode();
            String range = g.count() == 1 ? "step " + (g.first() + 1) : "steps " + (g.first() + 1) + "-" + (g.last() + 1);
            // the group's location: its last step in the user's code, if it has one (a step shows
            // the innermost frame only, so a run of kernel steps has none)
            TraceStep at = s;
            for (int i = g.last(); i >= g.first(); i--) {
                TraceStep x = trace.get(i).view();
                if (src.isUsers(x.file())) {
                    at = x;
                    break;
                }
            }
            String text = range + ": " + g.text();
            if (at != s) {
                text += "; last in " + at.function() + " (" + at.file() + ":" + at.line() + ")";
            }
            tfl.set("location", src.location(at.file(), at.line(), at.function(), text));
            if (s.preemptCount() >= 0) {
                ObjectNode state = tfl.putObject("state");
                state.putObject("preempt_count").put("text", String.format("%08x", s.preemptCount()));
                state.putObject("irqs").put("text", s.irqsOn() ? "on" : "off");
            }
            tfl.put("executionOrder", order++);
            perCpu.computeIfAbsent(cpu, c -> JsonNodeFactory.instance.arrayNode()).add(tfl);
        }
        int cpu = Math.max(f.cpu(), 0);
        ObjectNode last = JsonNodeFactory.instance.objectNode();
        last.set("location", src.location(f.where(), "the finding: " + f.headline()));
        last.put("executionOrder", order);
        last.putArray("kinds").add("exit");
        perCpu.computeIfAbsent(cpu, c -> JsonNodeFactory.instance.arrayNode()).add(last);
        ObjectNode flow = JsonNodeFactory.instance.objectNode();
        flow.putObject("message").put("text", "the " + (trace.size() == 1 ? "step" : trace.size() + " steps")
                + " from the booted system to the finding, one thread flow per CPU");
        ArrayNode tfs = flow.putArray("threadFlows");
        perCpu.forEach((c, locs) -> {
            ObjectNode tf = tfs.addObject();
            tf.put("id", "CPU#" + c);
            tf.putObject("message").put("text", "CPU#" + c);
            tf.set("locations", locs);
        });
        return flow;
    }

    private static final Pattern SOURCE_LINE = Pattern.compile("([\\w./-]+\\.[ch]):\\d+(?::\\d+)?");
    private static final Pattern HEX = Pattern.compile("\\b(0x)?[0-9a-f]{8,16}\\b");
    private static final Pattern PIDS = Pattern.compile("/\\d+\\b");
    private static final Pattern CPUS = Pattern.compile("CPU#?\\d+");

    /**
     * A hash of what the finding is, so that the same bug found on the next commit gets the same
     * value: the kind, the file and function it is in (not the line: an edit above it moves
     * it), the message without line numbers, pids, CPU numbers and addresses, and lockdep's lock
     * classes. Lockdep's reports are about their classes, not about the acquisition that
     * completed them (Finding.key's rule).
     */
    public static String fingerprint(Finding f) {
        String at = f.kind().origin == FindingKind.Origin.LOCKDEP ? "" : f.where().file() + "#" + f.where().function();
        String key = f.kind().id + "|" + at + "|" + normalised(f.message()) + "|" + String.join(",", f.locks());
        return sha(key);
    }

    /** A message without line numbers, pids, CPU numbers and addresses; an inconsistent usage pair in a fixed order. */
    static String normalised(String message) {
        String m = Finding.withUsagesInOrder(message);
        m = SOURCE_LINE.matcher(m).replaceAll("$1");
        m = HEX.matcher(m).replaceAll("#");
        m = PIDS.matcher(m).replaceAll("/#");
        return CPUS.matcher(m).replaceAll("CPU#");
    }

    /**
     * What a finding is across runs of changed sources (fix verification): kind, function (not
     * for lockdep's reports), normalised message and lock classes.
     */
    static String identity(String kind, String message, String function, List<String> locks) {
        boolean lockdep = kind.startsWith("lockdep:");
        return kind + "|" + (lockdep ? "" : function) + "|" + normalised(message) + "|" + String.join(",", locks);
    }

    private static String sha(String key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                sb.append(String.format("%02x", h[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java platform has SHA-256
        }
    }
}
