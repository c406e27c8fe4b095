package dev.spinlab.check;

/**
 * One step of a trace as the model describes it, typed for reports: its whole line (text),
 * who made it (actor: for a CPU's step "CPU#N TASK[ (user)] steps", or with "takes irq N then
 * steps"; for an event, its whole text), the CPU it ran on or was aimed at (-1: none), and for
 * a CPU's step (cpuStep) the innermost frame and the CPU's preempt_count and irq flag when it was taken.
 * text is actor + ": " + detail for a CPU's step. Reports fold and place steps from these
 * fields, never by reading the text back.
 */
public record TraceStep(String text, String actor, int cpu, boolean cpuStep, String function, String file,
                        int line, int column, int preemptCount, boolean irqsOn) {
    /** A step known only by its text (models without typed steps: tests' toy models). */
    public static TraceStep of(String text) {
        return new TraceStep(text, text, -1, false, null, null, 0, 0, -1, false);
    }

    /** An event aimed at a CPU (a timer's tick, a device's line). */
    static TraceStep event(String text, int cpu) {
        return new TraceStep(text, text, cpu, false, null, null, 0, 0, -1, false);
    }

    /** The part after the actor: "FUNC (FILE:LINE:COL), preempt_count XXXXXXXX, irqs on|off" for a CPU's step. */
    public String detail() {
        return text.length() > actor.length() + 2 && text.startsWith(actor + ": ") ? text.substring(actor.length() + 2)
                : "";
    }

    /** The innermost frame as "FUNC (FILE:LINE:COL)", or "?" . */
    public String where() {
        return function == null ? "?" : function + " (" + file + ":" + line + ":" + column + ")";
    }

    /** Whether the step says where its CPU was (a CPU's step with a C frame). */
    public boolean located() {
        return file != null;
    }
}
