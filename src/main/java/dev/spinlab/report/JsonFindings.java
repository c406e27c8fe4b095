package dev.spinlab.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.kernel.Finding;

/** The JSON form of a finding (docs/run-json.md), shared by run, check and replay. */
public final class JsonFindings {
    private JsonFindings() {}

    /** Writes f's fields into o: kind, message, location, context, time, stack, and lockdep's classes and report. */
    public static void put(ObjectNode o, Finding f) {
        o.put("kind", f.kind().id);
        o.put("cpu", f.cpu());
        o.put("task", f.task());
        o.put("pid", f.pid());
        o.put("message", f.message());
        putLocation(o, f);
        o.put("preemptCount", String.format("%08x", f.context().preemptCount()));
        o.put("irqsEnabled", f.context().irqsEnabled());
        o.put("timeNs", f.timeNs());
        JsonStacks.put(o, f.stack());
        putLocks(o, f);
    }

    /** {@code "location"}: the C file, line and function the finding is about. */
    public static void putLocation(ObjectNode o, Finding f) {
        ObjectNode at = o.putObject("location");
        at.put("file", f.where().file());
        at.put("line", f.where().line());
        at.put("function", f.where().function());
    }

    /** {@code "locks"}: a lockdep report's lock classes, when it has any. */
    public static void putLocks(ObjectNode o, Finding f) {
        if (!f.locks().isEmpty()) {
            f.locks().forEach(o.putArray("locks")::add);
        }
    }
}
