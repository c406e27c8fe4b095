package dev.spinlab.table;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell of the table: two contexts sharing data under one lock. The kernel's table is a
 * lower triangle, so a cell is kept with its contexts in the table's order (row below column):
 * {@code user-A,softirq-A} and {@code softirq-A,user-A} are the same cell.
 */
public record Cell(Context row, Context column) {
    public Cell {
        if (row.ordinal() < column.ordinal()) {
            Context t = row;
            row = column;
            column = t;
        }
    }

    /** Parses {@code CONTEXT,CONTEXT} (e.g. {@code user,softirq-A}; see {@link Context#parse}). */
    public static Cell parse(String s) {
        String[] p = s.split(",", -1);
        if (p.length != 2) {
            throw new IllegalArgumentException("--why '" + s + "': expected two contexts separated by a comma,"
                    + " e.g. 'user,softirq-A' or 'hardirq-A,hardirq-B'");
        }
        return new Cell(Context.parse(p[0]), Context.parse(p[1]));
    }

    /** Every cell of the kernel's table, row by row (55: the lower triangle and its diagonal). */
    public static List<Cell> all() {
        List<Cell> out = new ArrayList<>();
        for (Context r : Context.values()) {
            for (Context c : Context.values()) {
                if (c.ordinal() <= r.ordinal()) {
                    out.add(new Cell(r, c));
                }
            }
        }
        return out;
    }

    /** Both contexts are the same one (a diagonal cell: the same handler, or the same task). */
    public boolean same() {
        return row == column;
    }

    /** Neither context can interrupt the other on one CPU (same level): both take the candidate. */
    public boolean peers() {
        return row.level() == column.level();
    }

    /** The context that the other may interrupt on its CPU (for peers, the row). */
    public Context lower() {
        return row.level() <= column.level() ? row : column;
    }

    public Context higher() {
        return lower() == row ? column : row;
    }

    /**
     * The cell whose check stands for this one: the same system with the instance letters
     * renamed (docs/table.md, "Cells that are renamings of each other"). Two contexts of
     * different kinds: both A ({@code user-B,softirq-B} is checked as {@code user-A,softirq-A});
     * a diagonal: A,A; two instances of one kind (softirq-B,softirq-A) stand for themselves.
     * The renaming changes only names: the irq line (5 to 12, one per context; the irq core
     * treats every device line alike), the softirq vector (BLOCK_SOFTIRQ and IRQ_POLL_SOFTIRQ
     * are neighbours, 4 and 5, so each sits in the same place among the kernel's own vectors
     * that __do_softirq visits in order), the tasklet, timer and access function, and the task
     * (ua writes 1 byte, ub 2; the write handler ignores the bytes).
     */
    public Cell representative() {
        if (row.kind != column.kind) {
            return new Cell(Context.of(row.kind, 'A'), Context.of(column.kind, 'A'));
        }
        if (row == column) {
            return new Cell(Context.of(row.kind, 'A'), Context.of(row.kind, 'A'));
        }
        return this;
    }

    /** {@code user-A,softirq-A}: the row first, as --why accepts it. */
    public String id() {
        return row.id() + "," + column.id();
    }

    /**
     * The candidates tried, weakest first. The lower side may take any of them, except that a
     * hardirq side (only in a hardirq/hardirq cell) never takes spin_lock_bh (a bottom-half
     * enable in hardirq context is a bug: __local_bh_enable_ip's WARN_ON_ONCE(in_hardirq())) nor
     * spin_lock_irq (its unlock would enable interrupts inside the handler).
     */
    public List<Primitive> candidates() {
        List<Primitive> out = new ArrayList<>();
        for (Primitive p : Primitive.values()) {
            if (lower().kind == Context.Kind.HARDIRQ && (p == Primitive.SPIN_LOCK_BH || p == Primitive.SPIN_LOCK_IRQ)) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /**
     * What each side takes when the cell's candidate is {@code p}: the lower side takes
     * {@code p}; the higher side plain spin_lock (none when p is none), as the kernel's table
     * means it ("the irq handler does not need to use spin_lock_irq ... it can use spin_lock");
     * peers both take {@code p}.
     */
    public Primitive primitiveOf(Context side, Primitive p) {
        if (peers() || side == lower()) {
            return p;
        }
        return p == Primitive.NONE ? Primitive.NONE : Primitive.SPIN_LOCK;
    }
}
