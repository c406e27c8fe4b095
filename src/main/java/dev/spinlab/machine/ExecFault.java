package dev.spinlab.machine;

/**
 * A fault of the simulated program: a bad memory access, a division by zero, a call through
 * a bad pointer, a stack overflow, an exhausted step budget. Carries no Java stack trace; the
 * interpreter attaches the C call stack when it reports it. A fault is a finding about the
 * user's code, never a bug of spinlab.
 */
public final class ExecFault extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Kind kind;
    private final long address;

    public enum Kind {
        NULL_DEREF("NULL pointer dereference"),
        BAD_ACCESS("invalid memory access"),
        OUT_OF_BOUNDS("out-of-bounds access"),
        USE_AFTER_FREE("use after free"),
        READ_ONLY("write to read-only memory"),
        DIV_ZERO("division by zero"),
        BAD_CALL("call through invalid function pointer"),
        BAD_FREE("invalid free"),
        STACK_OVERFLOW("stack overflow"),
        STEP_BUDGET("step budget exhausted"),
        UNDEFINED_FUNCTION("undefined function");

        public final String title;

        Kind(String title) { this.title = title; }
    }

    public ExecFault(Kind kind, long address, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.address = address;
    }

    public Kind kind() { return kind; }

    public long address() { return address; }
}
