package dev.spinlab.kc.rt;

import dev.spinlab.machine.ExecFault;
import dev.spinlab.machine.Memory;

/*
 * Implementation notes.
 *
 * malloc/free (and later kmalloc/kfree) over the machine's memory, in the manner of
 * AddressSanitizer: every block gets its own fresh mapping between unmapped redzones and is
 * never reused, so overruns and use after free fault exactly. The block's size and a magic
 * word live in the redzone just before it (invisible to the program, which faults there), so
 * free() can validate its argument and all allocator state stays inside the machine state.
 */
public final class Heap {
    private static final long MAGIC = 0x5350494e4c414221L; // "SPINLAB!"
    private static final int REDZONE = 32;

    private Heap() {}

    /** Bytes of the machine's memory that malloc and kmalloc leave free (issue 18). */
    public static final long RESERVE_BYTES = 16L << 20;

    public static long malloc(Memory mem, long size) {
        return malloc(mem, size, -1);
    }

    /**
     * Allocates from an arena (Memory.reserveArenas; the kernel picks one with AllocArenas),
     * so that what is allocated there does not depend on the order other arenas are used in.
     * An arena of -1, or none reserved: the shared space. A full arena faults (out of memory)
     * rather than spill into the shared space, so that an allocation only ever touches its own
     * arena's state.
     */
    public static long malloc(Memory mem, long size, int arena) {
        if (size < 0 || size > (64L << 20)) {
            return 0;
        }
        long addr;
        if (arena >= 0 && arena < mem.arenas()) {
            addr = mem.mapInArena(arena, Math.max(size, 1), 16, REDZONE, Memory.VALID);
            if (addr == 0) {
                throw new ExecFault(ExecFault.Kind.BAD_ACCESS, 0, "out of memory: allocation arena " + arena + " ("
                        + (mem.arenaBytes() >> 10) + " KiB) is full");
            }
        } else {
            // out of memory is NULL, as malloc and kmalloc answer it, while RESERVE_BYTES remain
            // for what must not fail in the model (stacks of new tasks, the kernel's own maps)
            long free = Memory.MAX_BYTES - (mem.top() - Memory.BASE);
            if (size + REDZONE + 64 > free - RESERVE_BYTES) {
                return 0;
            }
            addr = mem.map(Math.max(size, 1), 16, REDZONE, Memory.VALID);
        }
        if (size == 0) {
            mem.setShadow(addr, 1, Memory.UNMAPPED);
        }
        mem.putRawLong(addr - 16, MAGIC);
        mem.putRawLong(addr - 8, size);
        return addr;
    }

    /** Size of a live block, or faults with the reason it is not one. */
    public static long blockSize(Memory mem, long addr, String fn) {
        if (addr < Memory.BASE + 16 || addr >= mem.top() || mem.getRawLong(addr - 16) != MAGIC) {
            throw new ExecFault(ExecFault.Kind.BAD_FREE, addr, fn + "(): invalid pointer 0x" + Long.toHexString(addr));
        }
        long size = mem.getRawLong(addr - 8);
        if (size > 0 && mem.shadow(addr) == Memory.FREED) {
            throw new ExecFault(ExecFault.Kind.BAD_FREE, addr, fn + "(): double free detected at 0x" + Long.toHexString(addr));
        }
        if (size == 0 && mem.getRawLong(addr - 24) == MAGIC) {
            throw new ExecFault(ExecFault.Kind.BAD_FREE, addr, fn + "(): double free detected at 0x" + Long.toHexString(addr));
        }
        return size;
    }

    /** Size of the live block at addr, or -1 when addr is not one (never faults; for analyses). */
    public static long liveBlockSize(Memory mem, long addr) {
        if (addr < Memory.BASE + 16 || addr >= mem.top() || mem.getRawLong(addr - 16) != MAGIC) {
            return -1;
        }
        return mem.getRawLong(addr - 8);
    }

    public static void free(Memory mem, long addr, String fn) {
        if (addr == 0) {
            return;
        }
        long size = blockSize(mem, addr, fn);
        if (size > 0) {
            // poisoned, as SLUB debugging fills a freed object with POISON_FREE (0x6b): what a
            // freed block held can never be read again, so it must not tell two states apart
            mem.fill(addr, size, (byte) 0x6b);
            mem.setShadow(addr, size, Memory.FREED);
        } else {
            mem.putRawLong(addr - 24, MAGIC); // mark a freed zero-size block
        }
    }
}
