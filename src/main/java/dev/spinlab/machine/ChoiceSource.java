package dev.spinlab.machine;

/**
 * Decides the machine's nondeterministic choices (which CPU steps next, later: whether an
 * interrupt arrives). A run uses a seeded source; the model checker enumerates every answer.
 */
public interface ChoiceSource {
    /** A choice among {@code n} alternatives, 0 ≤ result < n. */
    int choose(int n);
}
