package dev.spinlab.machine;

/**
 * Receives what a run produces besides state: program output. Not part of the machine
 * state (output does not distinguish states), and never steers the machine.
 */
public interface MachineObserver {
    MachineObserver NONE = (ctx, bytes) -> { };

    void output(ExecContext ctx, byte[] bytes);
}
