package dev.spinlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.kernel.LogRecord;
import dev.spinlab.kernel.Simulation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A kernel run for people (the kernel log in dmesg format with the processes' output
 * interleaved, then a one-line summary) and for tools (JSON, documented in docs/run-json.md).
 */
public final class KernelReport {
    private KernelReport() {}

    public static String text(Kernel k, KernelConfig cfg, Simulation.Result r) {
        return log(k) + summary(k, cfg, r) + '\n';
    }

    /** The log alone, one line per record: dmesg's timestamp, then NAME/PID> for process output. */
    public static String log(Kernel k) {
        StringBuilder sb = new StringBuilder();
        for (LogRecord l : k.log()) {
            sb.append(l.timestamp()).append(' ');
            if (!l.isKernel()) {
                sb.append(l.source()).append("> ");
            }
            sb.append(l.text()).append('\n');
        }
        return sb.toString();
    }

    static String ending(Simulation.Result r, List<Finding> findings) {
        switch (r.end()) {
            case ALL_EXITED: return "all programs exited";
            case IDLE: return "kernel idle, modules unloaded";
            case MAX_TIME: return "--max-time reached with no program running, modules unloaded";
            case BOOTED: return "booted, modules loaded";
            case SOFT_LOCKUP: {
                Finding f = findings.stream().filter(x -> x.kind() == FindingKind.SOFT_LOCKUP).findFirst().orElse(null);
                return "stopped at a soft lockup" + (f != null ? " of CPU#" + f.cpu() + " (" + f.task() + " spinning)" : "");
            }
            case HARD_LOCKUP: {
                Finding f = findings.stream().filter(x -> x.kind() == FindingKind.HARD_LOCKUP).findFirst().orElse(null);
                return "stopped at a hard lockup" + (f != null ? " of CPU#" + f.cpu() + " (" + f.task() + " spinning with irqs off)" : "");
            }
            case OOPS: return "stopped by a kernel oops";
            case PANIC: return "stopped by a kernel panic";
            case RESTART: return "stopped by emergency_restart()";
            case TIME_BOUND: return "bound reached: --max-time";
            case STEP_BOUND: return "bound reached: --max-steps";
            default: return r.end().name();
        }
    }

    public static String summary(Kernel k, KernelConfig cfg, Simulation.Result r) {
        List<String> parts = new java.util.ArrayList<>();
        List<Kernel.Process> started = k.userProcesses();
        for (Kernel.Process p : started) {
            String status = p.killedBySignal == 11 ? " killed by SIGSEGV"
                    : p.exited ? " exited " + p.exitCode : " did not finish";
            parts.add(p.name + (p.forked ? "/" + p.pid : "") + status);
        }
        for (int i = (int) started.stream().filter(p -> !p.forked && !p.tool).count(); i < k.programNames().size(); i++) {
            parts.add(k.programNames().get(i) + " did not start");
        }
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (Finding f : k.findings()) {
            kinds.merge(f.kind().id, 1, Integer::sum);
        }
        if (r.undelivered() > 0) {
            parts.add(r.undelivered() + " requested device event" + (r.undelivered() == 1 ? "" : "s")
                    + " not delivered");
        }
        String procs = String.join(", ", parts);
        String found = kinds.isEmpty() ? "no findings" : kinds.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                .collect(Collectors.joining(", ", "findings: ", ""));
        return String.format("spinlab: %s at %s s (%d CPU%s, preempt %s, seed %d, %d steps)%s; %s",
                ending(r, k.findings()), seconds(r.timeNs()), cfg.cpus(), cfg.cpus() == 1 ? "" : "s",
                cfg.preempt().label(), cfg.seed(), r.steps(), procs.isEmpty() ? "" : "; " + procs, found);
    }

    static String seconds(long ns) {
        long us = ns / 1000;
        return String.format("%d.%06d", us / 1_000_000, us % 1_000_000);
    }

    public static String json(Kernel k, KernelConfig cfg, Simulation.Result r) {
        return write(jsonTree(k, cfg, r));
    }

    /** Serialises a report's JSON as every report prints it (indented). */
    public static String write(ObjectNode root) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The run as a JSON tree (docs/run-json.md), for commands that add to it. */
    public static ObjectNode jsonTree(Kernel k, KernelConfig cfg, Simulation.Result r) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("end", r.end().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        root.put("timeNs", r.timeNs());
        root.put("steps", r.steps());
        root.put("undeliveredDeviceEvents", r.undelivered());
        root.put("cpus", cfg.cpus());
        root.put("preempt", cfg.preempt().label());
        root.put("seed", cfg.seed());
        ArrayNode procs = root.putArray("processes");
        for (Kernel.Process p : k.userProcesses()) {
            ObjectNode o = procs.addObject();
            o.put("name", p.name);
            o.put("pid", p.pid);
            o.put("forked", p.forked);
            o.put("console", p.tool);
            o.put("exited", p.exited);
            if (p.exited) {
                o.put("exitCode", p.exitCode);
            }
        }
        ArrayNode log = root.putArray("log");
        for (LogRecord l : k.log()) {
            ObjectNode o = log.addObject();
            o.put("timeNs", l.timeNs());
            o.put("source", l.isKernel() ? "kernel" : l.source());
            if (l.isKernel()) {
                o.put("level", l.level());
            }
            o.put("text", l.text());
        }
        if (!k.probeHits().isEmpty()) {
            ArrayNode ps = root.putArray("probes");
            for (Kernel.ProbeHit h : k.probeHits()) {
                ObjectNode o = ps.addObject();
                o.put("function", h.function());
                o.put("cpu", h.cpu());
                o.put("task", h.task());
                o.put("pid", h.pid());
                o.put("preemptCount", String.format("%08x", h.preemptCount()));
                o.put("timeNs", h.timeNs());
                JsonStacks.put(o, h.stack());
            }
        }
        ArrayNode fs = root.putArray("findings");
        for (Finding f : k.findings()) {
            ObjectNode o = fs.addObject();
            JsonFindings.put(o, f);
        }
        return root;
    }
}
