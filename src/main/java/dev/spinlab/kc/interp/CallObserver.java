package dev.spinlab.kc.interp;

import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;

/**
 * Told when a context enters one of the C functions it was registered for (see
 * {@link Interpreter#observeCalls}), just after the callee's frame is pushed and before its
 * first instruction: the stack then shows the callee innermost, as a kprobe on the function
 * would. Observing never changes the execution; an observer must not change the state.
 */
@FunctionalInterface
public interface CallObserver {
    void entered(MachineState s, int cpu, ExecContext ctx, int functionId);
}
