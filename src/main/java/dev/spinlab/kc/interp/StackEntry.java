package dev.spinlab.kc.interp;

import dev.spinlab.kc.lex.SrcLoc;

/**
 * One frame of a C call stack: the function, the source location being executed (for a caller,
 * the call), and the offset into the function and its length in the model's pseudo-addresses
 * (4 bytes per IR instruction), so dumps can print the kernel's {@code func+0x1c/0x80}.
 * {@code exceptionEntry}: this frame was entered by an interrupt taken on top of the frame below.
 */
public record StackEntry(String function, SrcLoc loc, int offset, int length, boolean exceptionEntry) {}
