package dev.spinlab.machine;

/**
 * Receives what a run produces besides state: program output. Not part of the machine
 * state (output does not distinguish states), and never steers the machine.
 */
public interface MachineObserver {
    MachineObserver NONE = (state, ctx, bytes) -> { };

    /** Bytes the context wrote to its standard output while state was being stepped. */
    void output(MachineState state, ExecContext ctx, byte[] bytes);
}
