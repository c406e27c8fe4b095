package dev.spinlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.rt.UserRun;
import dev.spinlab.machine.ExecContext;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The output of {@code run --no-kernel}: programs' output, faults, one line per process. */
public final class BareRunReport {
    private BareRunReport() {}

    public static String text(UserRun.Result r) {
        java.io.StringWriter sw = new java.io.StringWriter();
        PrintWriter out = new PrintWriter(sw);
        boolean many = r.processes().size() > 1;
        if (!many) {
            out.print(new String(r.processes().get(0).output(), StandardCharsets.UTF_8));
        } else {
            StringBuilder[] pending = new StringBuilder[r.processes().size()];
            for (UserRun.Transcript t : r.transcript()) {
                StringBuilder sb = pending[t.process()] == null ? (pending[t.process()] = new StringBuilder())
                        : pending[t.process()];
                sb.append(new String(t.bytes(), StandardCharsets.UTF_8));
                int nl;
                while ((nl = sb.indexOf("\n")) >= 0) {
                    out.println(r.processes().get(t.process()).name() + ": " + sb.substring(0, nl));
                    sb.delete(0, nl + 1);
                }
            }
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] != null && pending[i].length() > 0) {
                    out.println(r.processes().get(i).name() + ": " + pending[i]);
                }
            }
        }
        if (r.fault() != null) {
            String name = nameOf(r, r.fault().contextId());
            out.print(FaultReport.render(r.fault(), name));
        }
        for (UserRun.ProcessResult p : r.processes()) {
            if (p.status() == ExecContext.Status.EXITED) {
                out.println("spinlab: " + p.name() + " exited with status " + (p.exitCode() & 0xff));
            } else if (p.status() == ExecContext.Status.FAULTED) {
                out.println("spinlab: " + p.name() + " stopped by a fault");
            } else {
                out.println("spinlab: " + p.name() + " did not finish");
            }
        }
        if (r.stuck()) {
            out.println("spinlab: stuck: every running CPU waits in wfe and no CPU is left to send an event");
        }
        if (r.boundReached()) {
            out.println("spinlab: bound reached: --max-steps " + r.steps() + " steps");
        }
            out.flush();
        return sw.toString();
    }

    private static String nameOf(UserRun.Result r, int contextId) {
        for (UserRun.ProcessResult p : r.processes()) {
            if (p.contextId() == contextId) {
                return p.name();
            }
        }
        return "?";
    }

    public static String json(UserRun.Result r) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = m.createObjectNode();
        root.put("steps", r.steps());
        root.put("boundReached", r.boundReached());
        root.put("stuck", r.stuck());
        ArrayNode procs = root.putArray("processes");
        for (UserRun.ProcessResult p : r.processes()) {
            ObjectNode o = procs.addObject();
            o.put("name", p.name());
            o.put("status", p.status().name().toLowerCase(java.util.Locale.ROOT));
            o.put("exitCode", p.exitCode() & 0xff);
            o.put("output", new String(p.output(), StandardCharsets.UTF_8));
        }
        ArrayNode findings = root.putArray("findings");
        if (r.fault() != null) {
            Fault f = r.fault();
            ObjectNode o = findings.addObject();
            o.put("kind", "fault:" + f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            o.put("cpu", f.cpu());
            o.put("task", nameOf(r, f.contextId()));
            o.put("message", f.message() != null ? f.message() : f.kind().title);
            o.put("location", f.loc().toString());
            JsonStacks.put(o, f.stack());
        }
        try {
            return m.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
