package dev.spinlab.kc.interp;

import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.machine.ExecFault;
import java.util.List;

/** A fault of interpreted code with where it happened: CPU, context, location and C call stack. */
public record Fault(ExecFault.Kind kind, String message, long address, int cpu, int contextId,
                    SrcLoc loc, List<StackEntry> stack) {}
