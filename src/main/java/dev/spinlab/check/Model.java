package dev.spinlab.check;

/**
 * A system to explore: states, the choices enabled in each, and what is wrong with a state.
 * States are values: {@link #successor} never changes its argument.
 *
 * @param <S> the state type
 */
public interface Model<S> {
    S initial();

    /** How many transitions leave s (0: s is terminal). */
    int choices(S s);

    /** The state reached from s by choice c (0 ≤ c < choices(s)); s is unchanged. */
    S successor(S s, int choice);

    /** A 64-bit fingerprint: equal states have equal fingerprints. */
    long fingerprint(S s);

    /** What is wrong in s such that the search should not go on from it (a deadlock, an oops), or null. */
    dev.spinlab.kernel.Finding violation(S s);

    /**
     * What the transition into s reported that does not stop the system (a kernel BUG or
     * WARNING the kernel carries on after): each is recorded with a shortest trace, and the
     * search goes on from s.
     */
    default java.util.List<dev.spinlab.kernel.Finding> reports(S s) {
        return java.util.List.of();
    }

    /**
     * A reduction's choice: given s and all its successors (by choice), which of them need
     * not be explored (true = pruned), or null for none. The explorer still explores every
     * successor of s when a kept one was already visited (the cycle proviso), so a reduction
     * only has to guarantee that what it prunes is covered by commuting the kept choices first.
     */
    default boolean[] prune(S s, java.util.List<S> successors) {
        return null;
    }

    /**
     * A name for choice c in s that stays the same in the states after s as long as the choice
     * itself is not taken and nothing it depends on changes (for a machine: "CPU 1 steps"), as a
     * bit number 0..63; -1 when the choice has no such name. The explorer's sleep sets are sets
     * of these names.
     */
    default int label(S s, int choice) {
        return -1;
    }

    /**
     * The order in which the explorer takes s's choices for its sleep sets: lower first (ties
     * by choice). A choice taken later sleeps on the commuting ones taken before it, so the
     * branch that continues what led to s is best taken first and the detours after it.
     */
    default int priority(S s, int choice) {
        return 0;
    }

    /**
     * Whether choices a and b of s commute: taking a then b and b then a reach the same state,
     * neither disables the other, and each does the same in either order. False when unsure.
     */
    default boolean independent(S s, java.util.List<S> successors, int a, int b) {
        return false;
    }

    /**
     * What is wrong in s that shows only with its successors at hand (a data race: two
     * conflicting steps enabled together); each is recorded with a trace to s, and the search
     * goes on. Called once per expanded state.
     */
    default java.util.List<dev.spinlab.kernel.Finding> stateReports(S s, java.util.List<S> successors) {
        return java.util.List.of();
    }

    /** A one-line description of choice c in s, for traces. */
    String describe(S s, int choice);

    /** The same step typed for reports (TraceStep); by default known by its text only. */
    default TraceStep step(S s, int choice) {
        return TraceStep.of(describe(s, choice));
    }

    /**
     * The CPU that choice c of s schedules when it is a CPU's own step (its number), or -1
     * for anything else (an event). Preemption bounding counts switches between these.
     */
    default int scheduledCpu(S s, int choice) {
        return -1;
    }

    /** The CPU an event choice is aimed at (a timer's, a device's line), or -1. */
    default int eventCpu(S s, int choice) {
        return -1;
    }

    /**
     * Choice c of s as a trace records it: for a model that offers a subset of another
     * model's choices (PreemptionBound), the other model's index, so that replay follows the
     * trace without the subset's rules.
     */
    default int traceChoice(S s, int choice) {
        return choice;
    }

    /**
     * Whether the breadth-first search may pass through a state that leaves it one choice to
     * explore instead of storing it (Explorer.passThrough; the pass-through reduction).
     */
    default boolean passesThrough() {
        return false;
    }
}
