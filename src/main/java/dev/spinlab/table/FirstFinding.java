package dev.spinlab.table;

import dev.spinlab.check.Model;
import dev.spinlab.check.TraceStep;
import dev.spinlab.kernel.Finding;
import java.util.List;

/**
 * A model that ends its search at the first level with a finding: once a finding has been
 * reported, states expanded later have no choices, so the breadth-first search drains the
 * level it is in and stops. A failing candidate needs one counterexample (breadth-first, so a
 * shortest one), not every finding; a passing candidate's search never has a finding and is
 * the full search.
 */
final class FirstFinding<S> implements Model<S> {
    private final Model<S> m;
    private volatile boolean found;

    FirstFinding(Model<S> m) {
        this.m = m;
    }

    private <T> List<T> seen(List<T> l) {
        if (!l.isEmpty()) {
            found = true;
        }
        return l;
    }

    @Override
    public S initial() {
        return m.initial();
    }

    @Override
    public int choices(S s) {
        return found ? 0 : m.choices(s);
    }

    @Override
    public S successor(S s, int choice) {
        return m.successor(s, choice);
    }

    @Override
    public long fingerprint(S s) {
        return m.fingerprint(s);
    }

    @Override
    public Finding violation(S s) {
        Finding f = m.violation(s);
        if (f != null) {
            found = true;
        }
        return f;
    }

    @Override
    public List<Finding> reports(S s) {
        return seen(m.reports(s));
    }

    @Override
    public boolean[] prune(S s, List<S> successors) {
        return successors.isEmpty() ? null : m.prune(s, successors);
    }

    @Override
    public int label(S s, int choice) {
        return m.label(s, choice);
    }

    @Override
    public int priority(S s, int choice) {
        return m.priority(s, choice);
    }

    @Override
    public boolean independent(S s, List<S> successors, int a, int b) {
        return m.independent(s, successors, a, b);
    }

    @Override
    public List<Finding> stateReports(S s, List<S> successors) {
        // a state cut off after the first finding has no successors to compare
        return found && successors.isEmpty() ? List.of() : seen(m.stateReports(s, successors));
    }

    @Override
    public String describe(S s, int choice) {
        return m.describe(s, choice);
    }

    @Override
    public TraceStep step(S s, int choice) {
        return m.step(s, choice);
    }
}
