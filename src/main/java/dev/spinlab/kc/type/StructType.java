package dev.spinlab.kc.type;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A struct or union. Identity type (two declarations are two types); incomplete until
 * {@link #complete} lays out its members with gcc's LP64 rules (each member at the next
 * multiple of its alignment, size rounded up to the largest alignment; union members at 0).
 * Members of an anonymous struct/union member are found by {@link #findField} with their
 * offsets adjusted, as C11 allows.
 */
public final class StructType implements CType {
    private final String tag;       // null for anonymous
    private final boolean union;
    private List<Field> fields;     // null while incomplete
    private long size = -1;
    private int align = 1;

    public StructType(String tag, boolean union) {
        this.tag = tag;
        this.union = union;
    }

    public String tag() { return tag; }
    public boolean isUnion() { return union; }
    public boolean isComplete() { return fields != null; }
    public List<Field> fields() { return fields == null ? List.of() : fields; }

    /** Lays out the members in declaration order. Members are (name or null for anonymous, type). */
    public void complete(List<String> names, List<CType> types) {
        complete(names, types, null);
    }

    /**
     * Lays out the members in declaration order; {@code widths} (null when there are no
     * bit-fields) holds each member's bit-field width, or -1 for an ordinary member. gcc's
     * rules (the x86-64 SysV ABI, also arm64's for these cases): a bit-field goes at the next
     * free bit unless it would straddle a boundary of its declared type's alignment, then at
     * that boundary; a zero-width one moves to the next such boundary; an ordinary member
     * starts at the next byte, aligned. Named bit-fields align the struct like their declared
     * type; unnamed ones (kept out of the member list) do not.
     */
    public void complete(List<String> names, List<CType> types, List<Integer> widths) {
        complete(names, types, widths, null, false, 0);
    }

    /**
     * As above, with gcc's layout attributes: {@code packed} (every member aligned to 1, so no
     * padding), per-member {@code aligns} (null, or per member 0 for its type's alignment, a
     * power of two from {@code aligned(N)}, or -1 for a member declared {@code packed}) and the
     * struct's own {@code aligned(N)} as {@code minAlign} (0 when absent).
     */
    public void complete(List<String> names, List<CType> types, List<Integer> widths, List<Integer> aligns,
                         boolean packed, int minAlign) {
        List<Field> out = new ArrayList<>();
        long bitpos = 0;          // next free bit (struct) ; unions place everything at 0
        long maxSize = 0;
        int maxAlign = 1;
        for (int i = 0; i < names.size(); i++) {
            CType t = types.get(i);
            int a = t.align();
            int requested = aligns == null ? 0 : aligns.get(i);
            if (packed || requested < 0) {
                a = 1;
            }
            if (requested > 0) {
                a = Math.max(a, requested);
            }
            long s = t.size();
            int w = widths == null ? -1 : widths.get(i);
            if (w >= 0) {
                long unitBits = s * 8;
                long pos = union ? 0 : bitpos;
                if (w == 0) {
                    pos = alignUp(pos, a * 8L);
                } else if (pos / (a * 8L) != (pos + w - 1) / (a * 8L)) {
                    pos = alignUp(pos, a * 8L);
                }
                if (w > 0 && names.get(i) != null) {
                    long unit = pos / unitBits * s;
                    out.add(new Field(names.get(i), t, unit, (int) (pos - unit * 8), w));
                    maxAlign = Math.max(maxAlign, a);
                }
                if (union) {
                    maxSize = Math.max(maxSize, (w + 7) / 8);
                } else {
                    bitpos = pos + w;
                }
                continue;
            }
            if (s < 0) {
                s = 0; // flexible array member at the end
            }
            if (union) {
                out.add(new Field(names.get(i), t, 0));
                maxSize = Math.max(maxSize, s);
            } else {
                long offset = alignUp((bitpos + 7) / 8, a);
                out.add(new Field(names.get(i), t, offset));
                bitpos = (offset + s) * 8;
            }
            maxAlign = Math.max(maxAlign, a);
        }
        maxAlign = Math.max(maxAlign, minAlign);
        this.align = maxAlign;
        this.size = alignUp(union ? maxSize : (bitpos + 7) / 8, maxAlign);
        this.fields = Collections.unmodifiableList(out);
    }

    public static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }

    /** Finds a member by name, looking into anonymous struct/union members; null when absent. */
    public Field findField(String name) {
        for (Field f : fields()) {
            if (name.equals(f.name())) {
                return f;
            }
            if (f.name() == null && f.type() instanceof StructType inner) {
                Field g = inner.findField(name);
                if (g != null) {
                    return g.shifted(f.offset());
                }
            }
        }
        return null;
    }

    @Override public long size() { return size; }
    @Override public int align() { return align; }
    @Override public String spelling() { return (union ? "union " : "struct ") + (tag == null ? "<anonymous>" : tag); }
    @Override public String toString() { return spelling(); }
}
