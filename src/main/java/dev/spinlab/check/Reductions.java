package dev.spinlab.check;

import java.util.ArrayList;
import java.util.List;

/** Which of check's reductions the kernel model applies (--reductions); docs/check.md states each one's soundness condition. */
public record Reductions(boolean userSteps, boolean interrupts, boolean interleavings, boolean sleepSets,
                         boolean readOnly, boolean cpuLocal, boolean spinWaits, boolean exclusivePairs,
                         boolean passThrough, boolean privateData) {
    /**
     * The default, "all": every reduction but pass-through and private-data, which are asked for
     * by name ("all,pass-through"): pass-through makes traces longer, private-data's restarts can
     * cost more than its coarser steps save (docs/check.md).
     */
    public static final Reductions ALL = new Reductions(true, true, true, true, true, true, true, true, false, false);
    public static final Reductions NONE = new Reductions(false, false, false, false, false, false, false, false, false, false);
    /** How many of NAMES, from the first, "all" stands for; the rest are asked for by name. */
    private static final int DEFAULT_SET = 8;
    private static final List<String> NAMES = List.of("user-steps", "interrupts", "interleavings", "sleep-sets",
            "read-only", "cpu-local", "spin-waits", "exclusive-pairs", "pass-through", "private-data");

    /**
     * Parses "all", "none" or a comma list of user-steps, interrupts, interleavings, sleep-sets,
     * read-only, cpu-local, spin-waits, exclusive-pairs, pass-through, private-data, where "all" stands for the default set (to which
     * "all,pass-through,private-data" adds the other two).
     */
    public static Reductions parse(String spec) {
        String s = spec.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("all")) {
            return ALL;
        }
        if (s.equals("none")) {
            return NONE;
        }
        List<String> on = new ArrayList<>();
        for (String p : s.split(",")) {
            if (p.trim().equals("all")) {
                // "all" in a list: the default set, to which the list adds (all,private-data)
                on.addAll(NAMES.subList(0, DEFAULT_SET));
                continue;
            }
            if (!NAMES.contains(p.trim())) {
                throw new IllegalArgumentException("--reductions " + spec
                        + ": expected all, none, or a comma list of all, " + String.join(", ", NAMES));
            }
            on.add(p.trim());
        }
        return new Reductions(on.contains(NAMES.get(0)), on.contains(NAMES.get(1)), on.contains(NAMES.get(2)),
                on.contains(NAMES.get(3)), on.contains(NAMES.get(4)), on.contains(NAMES.get(5)), on.contains(NAMES.get(6)),
                on.contains(NAMES.get(7)), on.contains(NAMES.get(8)), on.contains(NAMES.get(9)));
    }

    /** The --reductions text that gives these: "all", "none", "all,NAME..." or a comma list. */
    public String label() {
        if (equals(NONE)) {
            return "none";
        }
        boolean[] flags = {userSteps, interrupts, interleavings, sleepSets, readOnly, cpuLocal, spinWaits, exclusivePairs,
            passThrough, privateData};
        boolean allDefault = true;
        for (int i = 0; i < DEFAULT_SET; i++) {
            allDefault &= flags[i];
        }
        List<String> on = new ArrayList<>();
        if (allDefault) {
            on.add("all");
        }
        for (int i = allDefault ? DEFAULT_SET : 0; i < flags.length; i++) {
            if (flags[i]) {
                on.add(NAMES.get(i));
            }
        }
        return String.join(",", on);
    }
}
