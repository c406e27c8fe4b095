package dev.spinlab.kernel;

import dev.spinlab.kc.type.ArrayType;
import dev.spinlab.kc.type.PointerType;
import dev.spinlab.kc.type.StructType;
import dev.spinlab.machine.MachineState;

/**
 * Reads the timer wheel of the model kernel (kernel/time/timer.c: the per-CPU
 * {@code timer_bases} and their list of pending {@code timer_list}s) to find the earliest
 * armed timer: what abstract time fires next.
 */
public final class TimerBases {
    private final long bases;
    private final long baseSize;
    private final long timersOffset;
    private final long entryOffset;
    private final long expiresOffset;

    TimerBases(Kernel k) {
        this.bases = k.globalAddress("timer_bases");
        StructType base = (StructType) ((ArrayType) k.globalType("timer_bases")).element();
        this.baseSize = base.size();
        this.timersOffset = base.findField("timers").offset();
        StructType timerList = (StructType) ((PointerType) base.findField("running_timer").type()).target();
        this.entryOffset = timerList.findField("entry").offset();
        this.expiresOffset = timerList.findField("expires").offset();
    }

    /** Address of the per-CPU bases and their bytes (what looking for the earliest timer reads). */
    public long address() {
        return bases;
    }

    public long bytes(int ncpu) {
        return ncpu * baseSize;
    }

    /** What walk() calls for each armed timer. */
    private interface ArmedTimer {
        void visit(int cpu, long timer, long expires);
    }

    /** Calls visit for every armed timer, base by base in list order. */
    private void walk(MachineState m, ArmedTimer visit) {
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            long head = bases + cpu * baseSize + timersOffset;
            long node = m.mem.load(head, 8, false);
            int guard = 0;
            while (node != head && node != 0 && guard++ < 10_000) {
                visit.visit(cpu, node - entryOffset, m.mem.load(node - entryOffset + expiresOffset, 8, false));
                node = m.mem.load(node, 8, false);
            }
        }
    }

    /** Every armed timer as {cpu, timer address, expiry} triples, base by base in list order. */
    public long[] armed(MachineState m) {
        java.util.stream.LongStream.Builder out = java.util.stream.LongStream.builder();
        walk(m, (cpu, timer, expires) -> out.add(cpu).add(timer).add(expires));
        return out.build().toArray();
    }

    /** {cpu, expiry} of the earliest armed timer, or null. */
    public long[] earliest(MachineState m) {
        long[][] best = {null};
        walk(m, (cpu, timer, expires) -> {
            if (best[0] == null || Long.compareUnsigned(expires, best[0][1]) < 0) {
                best[0] = new long[] {cpu, expires};
            }
        });
        return best[0];
    }
}
