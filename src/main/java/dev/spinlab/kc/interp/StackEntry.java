package dev.spinlab.kc.interp;

import dev.spinlab.kc.lex.SrcLoc;

/**
 * One frame of a C call stack: the function, the source location being executed (for a caller,
 * the call), and the offset into the function and its length in the model's pseudo-addresses
 * (4 bytes per IR instruction), so dumps can print the kernel's {@code func+0x1c/0x80}.
 * {@code exceptionEntry}: this frame was entered by an interrupt taken on top of the frame below.
 */
public record StackEntry(String function, SrcLoc loc, int offset, int length, boolean exceptionEntry) {
    /** Frames kept at each end of a deep stack (issue 18: first and last 20). */
    public static final int FOLD_KEEP = 20;
    /**
     * Stacks deeper than this are folded. The kernel's deepest real paths in the model (a ping
     * delivered inside the sender's local_bh_enable) take about 45 frames; recursion takes many more.
     */
    public static final int FOLD_ABOVE = 100;

    /** The entry standing for {@code n} frames left out of the middle of a deep stack. */
    public static StackEntry folded(int n) {
        return new StackEntry("... " + n + " frames folded ...", SrcLoc.NONE, 0, 0, false);
    }

    /** True for the entry {@link #folded} makes. */
    public boolean isFolded() {
        return loc == SrcLoc.NONE && function.startsWith("... ");
    }
}
