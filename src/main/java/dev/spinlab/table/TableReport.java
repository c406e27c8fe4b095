package dev.spinlab.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spinlab.check.Explorer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The derived table as text (the kernel's layout, one per CPU count), --why's evidence, and JSON. */
public final class TableReport {
    private TableReport() {}

    /** A cell's text: the kernel's abbreviation, or "bound reached (X)" / "no candidate". */
    static String cellText(TableRunner.CellResult r) {
        Primitive p = r.chosen();
        if (p != null) {
            return p.abbrev;
        }
        if (r.boundReached()) {
            return "bound reached (" + r.attempts().get(r.attempts().size() - 1).primitive().abbrev + ")";
        }
        return "no candidate";
    }

    /** One line for a finished cell (the command's --progress on standard error). */
    public static String progressLine(TableRunner.CellResult r) {
        return String.format("table: %s on %d CPU%s: %s (%d checks, %d states)", r.cell().id(), r.cpus(),
                r.cpus() == 1 ? "" : "s", cellText(r), r.attempts().size(),
                r.attempts().stream().mapToLong(TableRunner.Attempt::states).sum());
    }

    /** The tables, one per CPU count in the results, in the kernel's lower-triangle layout. */
    public static String text(List<TableRunner.CellResult> results, String preempt, double seconds) {
        Map<Integer, Map<Cell, TableRunner.CellResult>> byCpus = new LinkedHashMap<>();
        long checks = 0;
        long states = 0;
        int renamed = 0;
        for (TableRunner.CellResult r : results) {
            byCpus.computeIfAbsent(r.cpus(), c -> new LinkedHashMap<>()).put(r.cell(), r);
            if (r.renamed()) {
                renamed++;
                continue;
            }
            checks += r.attempts().size();
            states += r.attempts().stream().mapToLong(TableRunner.Attempt::states).sum();
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("spinlab table: the weakest primitive check proves free of deadlocks, BUGs and data races"
                + " for each pair of contexts (preempt %s; %d checks, %d states, %.1f s)%n", preempt, checks, states, seconds));
        for (var e : byCpus.entrySet()) {
            sb.append(String.format("%n%d CPU%s:%n", e.getKey(), e.getKey() == 1 ? "" : "s"));
            sb.append(grid(e.getValue()));
        }
        sb.append(String.format("%nNone: no lock; SL: spin_lock; SLBH: spin_lock_bh; SLI: spin_lock_irq;"
                + " SLIS: spin_lock_irqsave.%n"
                + "A cell names what the context that can be interrupted by the other takes (the row's or column's"
                + " lower one);%nthe other takes spin_lock (none when the cell is None); two contexts of one level"
                + " both take the cell's.%n"
                + "Evidence for a cell: spinlab table --why ROW,COLUMN (e.g. --why user-A,softirq-A).%n"));
        if (renamed > 0) {
            sb.append(String.format("%d of the %d cells are the same system as another with the instance letters renamed"
                    + " (user-B,softirq-B is user-A,softirq-A) and have its answer;%n--every-cell checks each one"
                    + " (docs/table.md).%n", renamed, results.size()));
        }
        return sb.toString();
    }

    private static String grid(Map<Cell, TableRunner.CellResult> cells) {
        Context[] cs = Context.values();
        int first = "User Context A".length();
        int[] w = new int[cs.length];
        for (int c = 0; c < cs.length; c++) {
            w[c] = cs[c].heading().length();
            for (int r = c; r < cs.length; r++) {
                TableRunner.CellResult res = cells.get(new Cell(cs[r], cs[c]));
                if (res != null) {
                    w[c] = Math.max(w[c], cellText(res).length());
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(pad("", first));
        for (int c = 0; c < cs.length; c++) {
            sb.append(' ').append(pad(cs[c].heading(), w[c]));
        }
        sb.append(String.format("%n"));
        for (int r = 0; r < cs.length; r++) {
            StringBuilder line = new StringBuilder(pad(cs[r].heading(), first));
            for (int c = 0; c <= r; c++) {
                TableRunner.CellResult res = cells.get(new Cell(cs[r], cs[c]));
                line.append(' ').append(pad(res == null ? "-" : cellText(res), w[c]));
            }
            sb.append(line.toString().stripTrailing()).append(String.format("%n"));
        }
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    /**
     * --why: for each CPU count, the cell's answer, who takes what, the check report (traces) of
     * the next weaker candidate, the chosen candidate's proof summary and its generated driver.
     */
    public static String why(List<TableRunner.CellResult> results) {
        StringBuilder sb = new StringBuilder();
        for (TableRunner.CellResult r : results) {
            Cell cell = r.cell();
            sb.append(String.format("cell %s / %s on %d CPU%s: %s%n", cell.row().heading(), cell.column().heading(),
                    r.cpus(), r.cpus() == 1 ? "" : "s", describe(r)));
            for (TableRunner.Attempt a : r.attempts()) {
                sb.append(String.format("  %-18s %s%n", a.primitive().id + ":", verdict(a)));
            }
            TableRunner.Attempt weaker = r.weakerFailure();
            if (weaker != null) {
                sb.append(String.format("%nthe next weaker candidate, %s (%s), fails; check's report:%n", weaker.primitive().id,
                        sides(cell, weaker.primitive())));
                sb.append(weaker.checkText());
            } else {
                sb.append(String.format("%nno weaker candidate: %s is the weakest there is%n",
                        r.attempts().get(0).primitive().id));
            }
            TableRunner.Attempt last = r.attempts().get(r.attempts().size() - 1);
            if (r.chosen() != null) {
                sb.append(String.format("%nthe chosen candidate, %s (%s), proved; check's summary:%n", last.primitive().id,
                        sides(cell, last.primitive())));
                sb.append(last.checkText().lines().findFirst().orElse("")).append(String.format("%n"));
                sb.append(String.format("%nits generated driver (table.c):%n"));
                sb.append(DriverGenerator.generate(cell).module());
            } else if (r.boundReached()) {
                sb.append(String.format("%n%s reached the search's bound with no finding: no claim (raise --max-states):%n",
                        last.primitive().id));
                sb.append(last.checkText().lines().findFirst().orElse("")).append(String.format("%n"));
            }
            sb.append(String.format("%n"));
        }
        return sb.toString();
    }

    private static String describe(TableRunner.CellResult r) {
        Primitive p = r.chosen();
        if (p != null) {
            return p.id + " (" + sides(r.cell(), p) + ")";
        }
        return r.boundReached() ? "bound reached" : "no candidate is free of findings";
    }

    /** Who takes what for candidate p: "User Context A takes spin_lock_bh, Softirq A spin_lock". */
    static String sides(Cell cell, Primitive p) {
        if (cell.same()) {
            return "both instances take " + p.id;
        }
        Context lo = cell.lower();
        Context hi = cell.higher();
        return lo.heading() + " takes " + cell.primitiveOf(lo, p).id + ", " + hi.heading() + " "
                + cell.primitiveOf(hi, p).id;
    }

    private static String verdict(TableRunner.Attempt a) {
        String counts = String.format("%d states, depth %d", a.states(), a.depth());
        return switch (a.verdict()) {
            case OK -> "proved: no deadlock, BUG or data race reachable (" + counts + ")";
            case FINDINGS -> "fails: " + String.join(", ", a.findingKinds()) + " (" + counts + ")";
            case BOUND -> "bound reached with no finding (" + counts + ")";
        };
    }

    /** The table as JSON (docs/table.md): one object per cell and CPU count with its attempts. */
    public static String json(List<TableRunner.CellResult> results, String preempt, boolean withEvidence) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("preempt", preempt);
        ArrayNode cells = root.putArray("cells");
        for (TableRunner.CellResult r : results) {
            ObjectNode o = cells.addObject();
            o.put("row", r.cell().row().id());
            o.put("column", r.cell().column().id());
            o.put("cpus", r.cpus());
            if (r.renamed()) {
                // the answer and attempts are those of the cell this one is a renaming of
                o.put("checkedAs", r.checked().id());
            }
            Primitive p = r.chosen();
            if (p != null) {
                o.put("primitive", p.id);
                o.put("lower", r.cell().lower().id());
                o.put("lowerTakes", r.cell().primitiveOf(r.cell().lower(), p).id);
                o.put("higherTakes", r.cell().primitiveOf(r.cell().higher(), p).id);
            } else {
                o.putNull("primitive");
            }
            o.put("boundReached", r.boundReached());
            ArrayNode as = o.putArray("attempts");
            for (TableRunner.Attempt a : r.attempts()) {
                ObjectNode ao = as.addObject();
                ao.put("primitive", a.primitive().id);
                ao.put("verdict", a.verdict() == Explorer.Verdict.OK ? "ok"
                        : a.verdict() == Explorer.Verdict.FINDINGS ? "findings" : "bound");
                ao.put("states", a.states());
                ao.put("transitions", a.transitions());
                ao.put("depth", a.depth());
                ArrayNode ks = ao.putArray("findings");
                new ArrayList<>(a.findingKinds()).forEach(ks::add);
                if (withEvidence) {
                    ao.put("report", a.checkText());
                }
            }
        }
        return root.toPrettyString();
    }
}
