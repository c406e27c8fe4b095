package dev.spinlab.machine;

import java.util.Arrays;

/*
 * Implementation notes.
 *
 * The simulated address space: byte-addressable, little-endian, mapped from BASE upwards by
 * a bump allocator (globals, string literals, heap blocks and stacks all come from it, and
 * nothing is ever unmapped, so an address is never reused and use-after-free is exact).
 * Addresses below BASE are the NULL page: any access faults as a NULL dereference.
 *
 * Storage is paged (4 KiB). Each page array holds the data bytes followed by one shadow byte
 * per data byte (as AddressSanitizer's shadow, but byte-granular): UNMAPPED (redzone or
 * never allocated), VALID, FREED, READ_ONLY. Pages are copy-on-write: copy() shares every page
 * and the first write to a shared page clones it, so copying a machine state costs one array
 * copy of page references. Each page caches its hash, so the fingerprint of a state after a
 * step rehashes only the pages that step wrote.
 */
public final class Memory {
    public static final long BASE = 0x10000L;
    public static final int PAGE_BITS = 12;
    public static final int PAGE = 1 << PAGE_BITS;

    public static final byte UNMAPPED = 0;
    public static final byte VALID = 1;
    public static final byte FREED = 2;
    public static final byte READ_ONLY = 3;

    /** Upper bound of the simulated address space, so a runaway program cannot exhaust the JVM. */
    public static final long MAX_BYTES = 256L << 20;

    private static final java.lang.invoke.VarHandle WORDS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final byte[] EMPTY = new byte[2 * PAGE];
    private static final long EMPTY_HASH = hashPage(EMPTY);

    private byte[][] pages = new byte[16][];
    private boolean[] owned = new boolean[16];
    private long[] pageHash = new long[16];
    /**
     * The fingerprint is kept up to date as pages change: pageSum is the sum of the terms of
     * the pages whose hash is known (pageHash[p] != 0); the others, and only they, are listed
     * in dirty and hashed at the next fingerprint(), so a state costs its changed pages only.
     */
    private long pageSum;
    private int[] dirty = new int[16];
    private int nDirty;
    private int pageCount;
    private long top = BASE;

    public Memory() {}

    private Memory(Memory o) {
        this.pages = o.pages.clone();
        this.owned = new boolean[o.pages.length];
        this.pageHash = o.pageHash.clone();
        this.pageSum = o.pageSum;
        this.dirty = Arrays.copyOf(o.dirty, Math.max(16, o.nDirty));
        this.nDirty = o.nDirty;
        this.pageCount = o.pageCount;
        this.top = o.top;
        this.arenaBase = o.arenaBase;
        this.arenaCount = o.arenaCount;
        this.arenaBytes = o.arenaBytes;
        Arrays.fill(o.owned, 0, o.pageCount, false); // the original must copy-on-write too (no page past pageCount is owned)
    }

    /** Per-CPU allocation arenas (see reserveArenas): where they start, how many, each one's bytes. */
    private long arenaBase;
    private int arenaCount;
    private long arenaBytes;

    /**
     * Reserves n arenas of the given bytes each (unmapped until allocated from), one per CPU,
     * for an allocator that gives each CPU its own addresses (Heap.malloc with a CPU). Each
     * arena's allocation pointer lives in the arena's first 8 bytes, in machine memory, so it is
     * part of the state like everything else.
     */
    public void reserveArenas(int n, long bytes) {
        long base = map(n * bytes, PAGE, PAGE, UNMAPPED);
        for (int i = 0; i < n; i++) {
            putRawLong(base + i * bytes, base + i * bytes + 64);
        }
        arenaBase = base;
        arenaCount = n;
        arenaBytes = bytes;
    }

    /** How many per-CPU arenas there are (0: none, every allocation is global). */
    public int arenas() {
        return arenaCount;
    }

    /**
     * Maps size bytes in arena i like {@link #map}, or returns 0 when the arena is full.
     */
    public long mapInArena(int i, long size, int align, int redzone, byte shadow) {
        long head = arenaBase + i * arenaBytes;
        long start = alignUp(getRawLong(head) + redzone, Math.max(align, 1));
        long end = start + size;
        if (end > head + arenaBytes) {
            return 0;
        }
        putRawLong(head, end);
        setShadow(start, size, shadow);
        return start;
    }

    /** Bytes of each per-CPU arena. */
    public long arenaBytes() {
        return arenaBytes;
    }

    /** Stores 8 bytes little-endian without touching the shadow (allocator bookkeeping in redzones). */
    public void putRawLong(long addr, long v) {
        for (int i = 0; i < 8; i++) {
            rawPut(addr + i, (byte) (v >>> (8 * i)));
        }
    }

    /** Loads 8 bytes little-endian whatever the shadow says (allocator bookkeeping in redzones). */
    public long getRawLong(long addr) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (rawByte(addr + i) & 0xff);
        }
        return v;
    }

    public Memory copy() {
        return new Memory(this);
    }

    /** First unmapped address (everything from BASE to here is mapped). */
    public long top() {
        return top;
    }

    /**
     * Maps {@code size} bytes at the next address aligned to {@code align}, preceded by
     * {@code redzone} unmapped bytes, with the given shadow state. Returns the address.
     */
    public long map(long size, int align, int redzone, byte shadow) {
        long start = alignUp(top + redzone, Math.max(align, 1));
        long end = start + size;
        if (end - BASE > MAX_BYTES) {
            throw new ExecFault(ExecFault.Kind.BAD_ACCESS, start,
                    "out of simulated memory (" + (MAX_BYTES >> 20) + " MiB)");
        }
        ensurePages(end);
        top = end;
        setShadow(start, size, shadow);
        return start;
    }

    /**
     * Leaves {@code bytes} of address space unmapped, so a stray index far past the objects
     * mapped before lands in unmapped memory and faults instead of reading a neighbour.
     */
    public void gap(long bytes) {
        map(0, 1, (int) bytes, UNMAPPED);
    }

    public static long alignUp(long v, long a) {
        return (v + a - 1) / a * a;
    }

    private void ensurePages(long end) {
        int need = (int) ((end - BASE + PAGE - 1) >>> PAGE_BITS);
        if (need > pages.length) {
            int n = Math.max(need, pages.length * 2);
            pages = Arrays.copyOf(pages, n);
            owned = Arrays.copyOf(owned, n);
            pageHash = Arrays.copyOf(pageHash, n);
        }
        for (int p = pageCount; p < need; p++) {
            markDirty(p);
        }
        pageCount = Math.max(pageCount, need); // pages stay null (wholly unmapped) until written
    }

    private void markDirty(int p) {
        if (nDirty == dirty.length) {
            dirty = Arrays.copyOf(dirty, nDirty * 2);
        }
        dirty[nDirty++] = p;
    }

    private static long term(int p, long pageHash) {
        return Fingerprint.mix(pageHash + (p + 1) * 0x9E3779B97F4A7C15L);
    }

    private byte[] writable(int p) {
        byte[] pg = pages[p];
        if (pg == null) {
            pg = new byte[2 * PAGE];
            pages[p] = pg;
            owned[p] = true;
        } else if (!owned[p]) {
            pg = pg.clone();
            pages[p] = pg;
            owned[p] = true;
        }
        if (pageHash[p] != 0) {
            pageSum -= term(p, pageHash[p]);
            pageHash[p] = 0;
            markDirty(p);
        }
        return pg;
    }

    public void setShadow(long addr, long n, byte state) {
        for (long a = addr; a < addr + n; a++) {
            long off = a - BASE;
            if (state == UNMAPPED && pages[(int) (off >>> PAGE_BITS)] == null) {
                continue;
            }
            writable((int) (off >>> PAGE_BITS))[PAGE + (int) (off & (PAGE - 1))] = state;
        }
    }

    public byte shadow(long addr) {
        if (addr < BASE || addr >= top || addr - BASE >= (long) pageCount << PAGE_BITS) {
            return UNMAPPED;
        }
        long off = addr - BASE;
        byte[] pg = pages[(int) (off >>> PAGE_BITS)];
        return pg == null ? UNMAPPED : pg[PAGE + (int) (off & (PAGE - 1))];
    }

    private void check(long addr, int size, boolean write) {
        if (addr >= 0 && addr < BASE) {
            throw fault(ExecFault.Kind.NULL_DEREF, addr, size, write);
        }
        if (addr < BASE || addr + size < addr || addr >= top + PAGE) {
            throw fault(ExecFault.Kind.BAD_ACCESS, addr, size, write);
        }
        for (int i = 0; i < size; i++) {
            byte s = shadow(addr + i);
            if (s == VALID) {
                continue;
            }
            switch (s) {
                case FREED: throw fault(ExecFault.Kind.USE_AFTER_FREE, addr, size, write);
                case READ_ONLY:
                    if (write) {
                        throw fault(ExecFault.Kind.READ_ONLY, addr, size, write);
                    }
                    continue;
                default: throw fault(ExecFault.Kind.OUT_OF_BOUNDS, addr, size, write);
            }
        }
    }

    private static ExecFault fault(ExecFault.Kind kind, long addr, int size, boolean write) {
        return new ExecFault(kind, addr, kind.title + ": " + (write ? "write" : "read") + " of " + size
                + " byte" + (size == 1 ? "" : "s") + " at address 0x" + String.format("%016x", addr));
    }

    /** Loads {@code size} (1, 2, 4, 8) bytes little-endian, sign- or zero-extended. */
    public long load(long addr, int size, boolean signed) {
        check(addr, size, false);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (rawByte(addr + i) & 0xff);
        }
        if (signed && size < 8) {
            int shift = 64 - 8 * size;
            v = (v << shift) >> shift;
        }
        return v;
    }

    public void store(long addr, int size, long value) {
        check(addr, size, true);
        for (int i = 0; i < size; i++) {
            rawPut(addr + i, (byte) (value >>> (8 * i)));
        }
    }

    /** Checked byte copy with memmove semantics. */
    public void copy(long dst, long src, long n) {
        if (n <= 0) {
            return;
        }
        checkRange(src, n, false);
        checkRange(dst, n, true);
        byte[] tmp = new byte[(int) n];
        for (int i = 0; i < n; i++) {
            tmp[i] = rawByte(src + i);
        }
        for (int i = 0; i < n; i++) {
            rawPut(dst + i, tmp[i]);
        }
    }

    public void fill(long dst, long n, byte value) {
        if (n <= 0) {
            return;
        }
        checkRange(dst, n, true);
        for (long i = 0; i < n; i++) {
            rawPut(dst + i, value);
        }
    }

    /** Checks that [addr, addr+n) may be accessed; faults with the first bad address. */
    public void checkRange(long addr, long n, boolean write) {
        if (n <= 0) {
            return;
        }
        if (addr >= 0 && addr < BASE) {
            throw fault(ExecFault.Kind.NULL_DEREF, addr, 1, write);
        }
        for (long a = addr; a < addr + n; a++) {
            check(a, 1, write);
        }
    }

    /** Reads a byte without shadow checks (for the machine itself, e.g. loading images). */
    public byte rawByte(long addr) {
        long off = addr - BASE;
        byte[] pg = pages[(int) (off >>> PAGE_BITS)];
        return pg == null ? 0 : pg[(int) (off & (PAGE - 1))];
    }

    /** Writes a byte without shadow checks (for loaders writing read-only data). */
    public void rawPut(long addr, byte b) {
        long off = addr - BASE;
        int p = (int) (off >>> PAGE_BITS);
        int i = (int) (off & (PAGE - 1));
        if (pages[p] != null && pages[p][i] == b || pages[p] == null && b == 0) {
            return; // no change: keep the page shared and its hash cached
        }
        writable(p)[i] = b;
    }

    /** A NUL-terminated string at addr (checked), at most max bytes. */
    public byte[] cString(long addr, int max) {
        int n = 0;
        while (n < max && load(addr + n, 1, false) != 0) {
            n++;
        }
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = rawByte(addr + i);
        }
        return out;
    }

    public long fingerprint() {
        for (int i = 0; i < nDirty; i++) {
            int p = dirty[i];
            if (pageHash[p] == 0) {
                long ph = hashPage(pages[p]);
                pageHash[p] = ph;
                pageSum += term(p, ph);
            }
        }
        nDirty = 0;
        return Fingerprint.mix((0x9E3779B97F4A7C15L ^ top) + pageSum * 31 + pageCount);
    }

    private static long hashPage(byte[] pg) {
        if (pg == null) {
            return EMPTY_HASH; // equal to an allocated all-zero page: equal states hash equal
        }
        long h = 0xC2B2AE3D27D4EB4FL;
        for (int i = 0; i < pg.length; i += 8) {
            h = Fingerprint.mix(h ^ (long) WORDS.get(pg, i)) + i;
        }
        return h == 0 ? 1 : h;
    }

    public boolean sameAs(Memory o) {
        if (top != o.top || pageCount != o.pageCount) {
            return false;
        }
        for (int p = 0; p < pageCount; p++) {
            byte[] x = pages[p] != null ? pages[p] : EMPTY;
            byte[] y = o.pages[p] != null ? o.pages[p] : EMPTY;
            if (x != y && !Arrays.equals(x, y)) {
                return false;
            }
        }
        return true;
    }
}
