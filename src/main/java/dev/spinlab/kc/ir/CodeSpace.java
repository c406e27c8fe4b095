package dev.spinlab.kc.ir;

import dev.spinlab.machine.Intrinsic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/*
 * Implementation notes.
 *
 * The function table of a machine: compiled C functions and Java intrinsics side by side,
 * each with an id, so a call through any function pointer takes one path (DESIGN: one table
 * of intrinsics, one call path). A function's address is TEXT_BASE + id * TEXT_STRIDE, which
 * reads like a kernel text address in a dump. Code is immutable once loaded and is shared by
 * every copy of a machine state; the state holds only function ids.
 */
public final class CodeSpace {
    public static final long TEXT_BASE = 0xffffffff81000000L;
    public static final long TEXT_STRIDE = 0x1000L;

    /** One entry: exactly one of fn and intrinsic is set. */
    public record Entry(String name, IrFunction fn, Intrinsic intrinsic) {}

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Integer> intrinsicIds = new HashMap<>();

    public CodeSpace() {
        entries.add(new Entry("<null>", null, null)); // id 0 is never a valid function
    }

    public int add(IrFunction fn) {
        entries.add(new Entry(fn.name, fn, null));
        return entries.size() - 1;
    }

    /** The id of an intrinsic, registering it on first use. */
    public int intrinsic(String name, Intrinsic impl) {
        return intrinsicIds.computeIfAbsent(name, n -> {
            entries.add(new Entry(n, null, impl));
            return entries.size() - 1;
        });
    }

    public Entry entry(int id) {
        return entries.get(id);
    }

    public int size() {
        return entries.size();
    }

    public static long address(int id) {
        return TEXT_BASE + id * TEXT_STRIDE;
    }

    /** The id for a function address, or -1 when it is not the address of a function. */
    public int idOf(long address) {
        long off = address - TEXT_BASE;
        if (off <= 0 || off % TEXT_STRIDE != 0) {
            return -1;
        }
        long id = off / TEXT_STRIDE;
        return id < entries.size() ? (int) id : -1;
    }
}
