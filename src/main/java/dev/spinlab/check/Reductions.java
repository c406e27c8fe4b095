package dev.spinlab.check;

import java.util.ArrayList;
import java.util.List;

/** Which of check's reductions the kernel model applies (--reductions); docs/check.md states each one's soundness condition. */
public record Reductions(boolean userSteps, boolean interrupts, boolean interleavings, boolean sleepSets,
                         boolean readOnly, boolean cpuLocal, boolean spinWaits, boolean privateData) {
    /**
     * The default, "all": every reduction but private-data, which is asked for by name
     * ("all,private-data"): its restarts can cost more than its coarser steps save (docs/check.md).
     */
    public static final Reductions ALL = new Reductions(true, true, true, true, true, true, true, false);
    public static final Reductions NONE = new Reductions(false, false, false, false, false, false, false, false);
    private static final List<String> NAMES = List.of("user-steps", "interrupts", "interleavings", "sleep-sets",
            "read-only", "cpu-local", "spin-waits", "private-data");

    /**
     * Parses "all", "none" or a comma list of user-steps, interrupts, interleavings, sleep-sets,
     * read-only, cpu-local, spin-waits, private-data, where "all" stands for the default set ("all,private-data").
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
                on.addAll(NAMES.subList(0, NAMES.size() - 1));
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
                on.contains(NAMES.get(7)));
    }

    /** These reductions without private-data (label() names the default set plus it "all,private-data"). */
    public Reductions withoutPrivateData() {
        return new Reductions(userSteps, interrupts, interleavings, sleepSets, readOnly, cpuLocal, spinWaits, false);
    }

    public String label() {
        if (equals(ALL)) {
            return "all";
        }
        if (equals(NONE)) {
            return "none";
        }
        boolean[] flags = {userSteps, interrupts, interleavings, sleepSets, readOnly, cpuLocal, spinWaits, privateData};
        List<String> on = new ArrayList<>();
        if (withoutPrivateData().equals(ALL)) {
            return "all,private-data";
        }
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                on.add(NAMES.get(i));
            }
        }
        return String.join(",", on);
    }

}
