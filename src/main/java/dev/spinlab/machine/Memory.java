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
 * Storage is in blocks of 1 KiB. Each block array holds the data bytes followed by one shadow
 * byte per data byte (as AddressSanitizer's shadow, but byte-granular): UNMAPPED (redzone or
 * never allocated), VALID, FREED, READ_ONLY. Blocks are grouped 64 to a chunk, and both are
 * copy-on-write: copy() shares every chunk (one small array copy of chunk references), the
 * first write to a shared chunk clones its 64 block references, and the first write to a
 * shared block clones the block. A model checker copies the machine for every transition and
 * a step writes a block or two, so what a copy costs is what it allocates: small blocks and a
 * two-level table keep that to a few KiB instead of the whole page table and 8 KiB pages.
 * Each block caches its hash, so the fingerprint of a state after a step rehashes only the
 * blocks that step wrote.
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

    /** Storage granule: 1 KiB of data (and its shadow) per block. */
    private static final int BLOCK_BITS = 10;
    private static final int BLOCK = 1 << BLOCK_BITS;
    private static final int CHUNK_BITS = 6;
    private static final int CHUNK = 1 << CHUNK_BITS;
    private static final byte[] EMPTY = new byte[2 * BLOCK];
    /**
     * Little-endian longs and ints of a block (the free ticket locks' canonical hash: the scan
     * reads longs, a lock word is an int); before EMPTY_HASH, which uses them.
     */
    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final long EMPTY_HASH = hashBlock(EMPTY);

    /**
     * 64 consecutive blocks. A chunk is changed only by the one Memory that owns it; shared
     * chunks are frozen. Within an owned chunk, owned[i] says whether block i is this chunk's
     * own copy (a cloned chunk starts owning none of the blocks it shares). hash[i] caches the
     * block's hash (0: not known, and then the block is listed in its Memory's dirty list).
     */
    private static final class Chunk {
        final byte[][] blocks;
        final boolean[] owned;
        final long[] hash;

        Chunk() {
            blocks = new byte[CHUNK][];
            owned = new boolean[CHUNK];
            hash = new long[CHUNK];
        }

        Chunk(Chunk o) {
            blocks = o.blocks.clone();
            owned = new boolean[CHUNK];
            hash = o.hash.clone();
        }
    }

    private Chunk[] chunks = new Chunk[4];
    /** Per chunk: whether this Memory owns it (else it shares it and must clone it to write). */
    private boolean[] chunkOwned = new boolean[4];
    /**
     * The fingerprint is kept up to date as blocks change: blockSum is the sum of the terms of
     * the blocks whose hash is known; the others, and only they, are listed in dirty and hashed
     * at the next fingerprint(), so a state costs its changed blocks only.
     */
    private long blockSum;
    private int[] dirty = new int[16];
    private int nDirty;
    /** Blocks covering [BASE, top). */
    private int blockCount;
    private long top = BASE;

    public Memory() {}

    private Memory(Memory o) {
        int nc = chunksFor(o.blockCount);
        this.chunks = Arrays.copyOf(o.chunks, Math.max(nc, 1));
        this.chunkOwned = new boolean[chunks.length];
        this.blockSum = o.blockSum;
        this.dirty = Arrays.copyOf(o.dirty, Math.max(16, o.nDirty));
        this.nDirty = o.nDirty;
        this.blockCount = o.blockCount;
        this.top = o.top;
        this.changes = o.changes;
        this.arenaBase = o.arenaBase;
        this.arenaCount = o.arenaCount;
        this.arenaBytes = o.arenaBytes;
        Arrays.fill(o.chunkOwned, false); // the original must copy-on-write too
    }

    private static int chunksFor(int blocks) {
        return (blocks + CHUNK - 1) >>> CHUNK_BITS;
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

    /** Arena i's allocation pointer (the next free address it hands out, before alignment). */
    public long arenaPointer(int i) {
        return getRawLong(arenaBase + i * arenaBytes);
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
        ensureBlocks(end);
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

    private void ensureBlocks(long end) {
        int need = (int) ((end - BASE + BLOCK - 1) >>> BLOCK_BITS);
        int nc = chunksFor(need);
        if (nc > chunks.length) {
            int n = Math.max(nc, chunks.length * 2);
            chunks = Arrays.copyOf(chunks, n);
            chunkOwned = Arrays.copyOf(chunkOwned, n);
        }
        for (int c = chunksFor(blockCount); c < nc; c++) {
            chunks[c] = new Chunk();
            chunkOwned[c] = true;
        }
        for (int b = blockCount; b < need; b++) {
            markDirty(b);
        }
        blockCount = Math.max(blockCount, need); // blocks stay null (wholly unmapped) until written
    }

    private void markDirty(int b) {
        if (nDirty == dirty.length) {
            dirty = Arrays.copyOf(dirty, nDirty * 2);
        }
        dirty[nDirty++] = b;
    }

    private static long term(int b, long blockHash) {
        return Fingerprint.mix(blockHash + (b + 1) * 0x9E3779B97F4A7C15L);
    }

    /** Chunk c, this Memory's own copy. */
    private Chunk ownChunk(int c) {
        Chunk k = chunks[c];
        if (!chunkOwned[c]) {
            k = new Chunk(k);
            chunks[c] = k;
            chunkOwned[c] = true;
        }
        return k;
    }

    /** Writes that changed a byte (or a block's shadow) so far, this Memory and its originals. */
    private long changes;

    /** How many writes changed the memory so far: equal before and after a step that changed nothing. */
    public long changes() {
        return changes;
    }

    /** Block b, this Memory's own copy, its cached hash dropped (it is about to change). */
    private byte[] writable(int b) {
        changes++;
        Chunk k = ownChunk(b >>> CHUNK_BITS);
        int i = b & (CHUNK - 1);
        byte[] blk = k.blocks[i];
        if (blk == null) {
            blk = new byte[2 * BLOCK];
            k.blocks[i] = blk;
            k.owned[i] = true;
        } else if (!k.owned[i]) {
            blk = blk.clone();
            k.blocks[i] = blk;
            k.owned[i] = true;
        }
        if (k.hash[i] != 0) {
            blockSum -= term(b, k.hash[i]);
            k.hash[i] = 0;
            markDirty(b);
        }
        return blk;
    }

    /** Block b to read (null: never written, all zero and unmapped). */
    private byte[] block(int b) {
        int c = b >>> CHUNK_BITS;
        Chunk k = c < chunks.length ? chunks[c] : null;
        return k == null ? null : k.blocks[b & (CHUNK - 1)];
    }

    public void setShadow(long addr, long n, byte state) {
        for (long a = addr; a < addr + n; a++) {
            long off = a - BASE;
            if (state == UNMAPPED && block((int) (off >>> BLOCK_BITS)) == null) {
                continue;
            }
            writable((int) (off >>> BLOCK_BITS))[BLOCK + (int) (off & (BLOCK - 1))] = state;
        }
    }

    /** Whether every byte of [addr, addr + size) is mapped read-only (string literals, const objects). */
    public boolean readOnly(long addr, long size) {
        for (long i = 0; i < size; i++) {
            if (shadow(addr + i) != READ_ONLY) {
                return false;
            }
        }
        return size > 0;
    }

    public byte shadow(long addr) {
        if (addr < BASE || addr >= top) {
            return UNMAPPED;
        }
        long off = addr - BASE;
        byte[] blk = block((int) (off >>> BLOCK_BITS));
        return blk == null ? UNMAPPED : blk[BLOCK + (int) (off & (BLOCK - 1))];
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

    /**
     * The 4-byte word at addr (a multiple of 4) as one value: its data bytes in the low half,
     * their shadow bytes in the high half, so that two memories agree on it exactly when the
     * word holds the same bytes with the same mapping; -1 (no shadow byte is 0xff) outside the
     * mapped range. A ticket lock's word (a raw_spinlock_t's, SPINLOCK_MAGIC after it) reads as
     * 0 when free, as the fingerprint reads it (withFreeTicketLocksAtZero), and with
     * relativeTickets as its next ticket less its owner whether free or not: code that holds no
     * copy of the lock's tickets behaves alike at any two values with the same difference (the
     * ticket code only compares tickets and adds one to them). For a cache that must know a word
     * is as it was (check.LocalFutureMemo).
     */
    public long wordState(long addr, boolean relativeTickets) {
        if (addr < BASE || addr + 4 > top) {
            return -1;
        }
        long off = addr - BASE;
        byte[] blk = block((int) (off >>> BLOCK_BITS));
        if (blk == null) {
            return 0;
        }
        int i = (int) (off & (BLOCK - 1));
        int data = (int) INTS.get(blk, i);
        if (data != 0 && i + 8 <= BLOCK && (int) INTS.get(blk, i + 4) == SPINLOCK_MAGIC && lockWordMapped(blk, i)) {
            if (isFree(data)) {
                data = 0;
            } else if (relativeTickets) {
                data = (((data >>> 16) - (data & 0xffff)) & 0xffff) << 16;
            }
        }
        return (data & 0xffffffffL) | ((long) (int) INTS.get(blk, BLOCK + i) << 32);
    }

    /**
     * A hash of the blocks that hold [lo, hi): their fingerprint hashes (free ticket locks
     * read as free, as the fingerprint reads them), equal for equal contents of those blocks.
     * Brings the cached hashes up to date first, as fingerprint() does.
     */
    public long blocksHash(long lo, long hi) {
        fingerprint();
        if (hi <= lo || lo < BASE) {
            return 0;
        }
        int first = (int) ((lo - BASE) >>> BLOCK_BITS);
        int last = (int) Math.min(blockCount - 1, (hi - 1 - BASE) >>> BLOCK_BITS);
        long h = Fingerprint.mix(first);
        for (int b = first; b <= last; b++) {
            Chunk k = chunks[b >>> CHUNK_BITS];
            h = Fingerprint.mix(h ^ k.hash[b & (CHUNK - 1)]) + b;
        }
        return h;
    }

    /** Reads a byte without shadow checks (for the machine itself, e.g. loading images). */
    public byte rawByte(long addr) {
        long off = addr - BASE;
        byte[] blk = block((int) (off >>> BLOCK_BITS));
        return blk == null ? 0 : blk[(int) (off & (BLOCK - 1))];
    }

    /** Writes a byte without shadow checks (for loaders writing read-only data). */
    public void rawPut(long addr, byte b) {
        long off = addr - BASE;
        int bi = (int) (off >>> BLOCK_BITS);
        int i = (int) (off & (BLOCK - 1));
        byte[] blk = block(bi);
        if (blk != null ? blk[i] == b : b == 0) {
            return; // no change: keep the block shared and its hash cached
        }
        writable(bi)[i] = b;
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
        for (int d = 0; d < nDirty; d++) {
            int b = dirty[d];
            Chunk k = ownChunk(b >>> CHUNK_BITS); // the hash is cached in the chunk: only in our own
            int i = b & (CHUNK - 1);
            if (k.hash[i] == 0) {
                long h = hashBlock(k.blocks[i]);
                k.hash[i] = h;
                blockSum += term(b, h);
            }
        }
        nDirty = 0;
        return combine(blockSum);
    }

    /** The memory's fingerprint from the sum of its blocks' terms. */
    private long combine(long sumOfTerms) {
        return Fingerprint.mix((0x9E3779B97F4A7C15L ^ top) + sumOfTerms * 31 + blockCount);
    }

    /** The fingerprint computed from the contents alone, ignoring every cache (for tests). */
    long fingerprintFromScratch() {
        long sum = 0;
        for (int b = 0; b < blockCount; b++) {
            sum += term(b, hashBlock(block(b)));
        }
        return combine(sum);
    }

    private static long hashBlock(byte[] blk) {
        if (blk == null) {
            return EMPTY_HASH; // equal to an allocated all-zero block: equal states hash equal
        }
        long h = Fingerprint.ofWords(0xC2B2AE3D27D4EB4FL, withFreeTicketLocksAtZero(blk));
        return h == 0 ? 1 : h;
    }

    /** include/linux/spinlock_types_raw.h: SPINLOCK_MAGIC, the word after a raw_spinlock_t's arch lock. */
    static final int SPINLOCK_MAGIC = 0xdead4ead;

    /*
     * A free ticket lock is the same lock whatever its counters say. An ARM ticket lock
     * (include/asm/spinlock.h) is free when its owner and next halves are equal, and its code
     * only ever compares tickets with each other and adds one to them (modulo 2^16), so two
     * states that differ only in how many times a free lock has been taken behave alike: from
     * both, every path takes the same steps with the same outcomes. Without this, a loop that
     * takes and releases a lock never comes back to a state it has been in, and a search of it
     * cannot end (the tasklet requeue loop of spinlab table: 65,536 rounds before the counters
     * wrap). So a block is hashed with every free arch lock of a raw_spinlock_t at zero: the
     * lock word followed by SPINLOCK_MAGIC, mapped (not freed), halves equal. A value derived
     * from the counters elsewhere (a CPU that loaded the word) is part of the state and tells
     * the states apart; only the lock word itself is read as canonical. sameAs() still
     * compares the bytes: it is the identity of two machines, the fingerprint their state.
     */
    static byte[] withFreeTicketLocksAtZero(byte[] blk) {
        // eight bytes at a time (the fingerprint's hot loop: every changed block passes here),
        // each half a candidate magic; a magic at offset 0 has no lock word before it
        byte[] out = blk;
        for (int o = 0; o < BLOCK; o += 8) {
            long w = (long) LONGS.get(blk, o);
            if ((int) w == SPINLOCK_MAGIC && o > 0) {
                out = zeroIfFree(blk, out, o);
            }
            if ((int) (w >>> 32) == SPINLOCK_MAGIC) {
                out = zeroIfFree(blk, out, o + 4);
            }
        }
        return out;
    }

    /** With the magic at offset o: out, or a copy of blk, with the lock word before it at zero when free. */
    private static byte[] zeroIfFree(byte[] blk, byte[] out, int o) {
        int lock = (int) INTS.get(blk, o - 4);
        if (lock == 0 || !isFree(lock) || !lockWordMapped(blk, o - 4)) {
            return out;
        }
        if (out == blk) {
            out = blk.clone();
        }
        INTS.set(out, o - 4, 0);
        return out;
    }

    /** Whether an arch ticket lock's word (next ticket in the high half, owner in the low) is free. */
    private static boolean isFree(int lock) {
        return (lock & 0xffff) == (lock >>> 16);
    }

    /** Whether the lock word at offset i of blk is mapped (its first and last bytes' shadow). */
    private static boolean lockWordMapped(byte[] blk, int i) {
        return blk[BLOCK + i] == VALID && blk[BLOCK + i + 3] == VALID;
    }

    public boolean sameAs(Memory o) {
        if (top != o.top || blockCount != o.blockCount) {
            return false;
        }
        for (int b = 0; b < blockCount; b++) {
            byte[] x = block(b) != null ? block(b) : EMPTY;
            byte[] y = o.block(b) != null ? o.block(b) : EMPTY;
            if (x != y && !Arrays.equals(x, y)) {
                return false;
            }
        }
        return true;
    }
}
