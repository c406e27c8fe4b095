package dev.spinlab.machine;

import java.util.HashMap;
import java.util.Map;

/*
 * Implementation notes.
 *
 * The CPU's own primitives, callable from C by name. The exclusive-access and event
 * instructions use the names of the ARM C Language Extensions (ACLE, <arm_acle.h>):
 *   __ldrex(p)     load a 32-bit word and mark it for exclusive access by this CPU;
 *   __strex(v, p)  store only if this CPU still holds the exclusive reservation of p;
 *                  returns 0 on success and 1 on failure, as the STREX status register;
 *   __clrex()      drop the reservation;
 *   __wfe()        wait for event: consumes a pending event, otherwise the CPU waits
 *                  (the call blocks and is retried at this CPU's next step);
 *   __sev()        send event to every CPU (ARM's SEV is system-wide);
 *   __dmb(), __dsb()  barriers: the model is sequentially consistent, so they only order
 *                  nothing further; run keeps them visible steps as on hardware, check
 *                  runs them inside a step (the cpu-local reduction: nothing can tell).
 * A reservation is lost when any other CPU stores to the same 4-byte granule
 * (MachineState.noteStore), which is what makes a competing strex fail.
 * Atomic read-modify-writes for architectures with such instructions (x86 xchg, cmpxchg,
 * lock xadd) are single visible steps: __spinlab_xchg32/64, __spinlab_cmpxchg32/64
 * (returns the old value), __spinlab_fetch_add32/64.
 */
public final class ArchIntrinsics {
    private final Map<String, Intrinsic> table = new HashMap<>();

    public ArchIntrinsics() {
        table.put("__ldrex", Intrinsic.declared((m, cpu, a, obs) -> {
            obs.range(a[0], 4, false);
            obs.register(Register.MONITOR, cpu, true);
        }, (env, a) -> {
            long v = env.memory().load(a[0], 4, false);
            env.state().exclusive[env.cpu()] = a[0];
            return v;
        }));
        table.put("__strex", Intrinsic.declared((m, cpu, a, obs) -> {
            obs.register(Register.MONITOR, cpu, false);
            obs.register(Register.MONITOR, cpu, true);
            obs.range(a[1], 4, true);
        }, (env, a) -> {
            MachineState s = env.state();
            int cpu = env.cpu();
            boolean held = s.exclusive[cpu] == a[1];
            s.exclusive[cpu] = MachineState.NO_MONITOR;
            if (!held) {
                return 1;
            }
            s.mem.store(a[1], 4, a[0]);
            s.noteStore(cpu, a[1], 4);
            return 0;
        }));
        table.put("__clrex", Intrinsic.declared(Effects.writes(Register.MONITOR), (env, a) -> {
            env.state().exclusive[env.cpu()] = MachineState.NO_MONITOR;
            return 0;
        }));
        table.put("__wfe", Intrinsic.declared(Effects.updates(Register.EVENT), (env, a) -> {
            int[] ev = env.state().eventFlag;
            if (ev[env.cpu()] != 0) {
                ev[env.cpu()] = 0;
            } else {
                env.block();
            }
            return 0;
        }));
        table.put("__sev", Intrinsic.cpuLocal(Intrinsic.CpuLocality.EVENTS_DEAD, (m, cpu, a, obs) -> {
            for (int c = 0; c < m.ncpu; c++) {
                obs.registerSet(Register.EVENT, c);
            }
        }, (env, a) -> {
            java.util.Arrays.fill(env.state().eventFlag, 1);
            return 0;
        }));
        table.put("__dmb", Intrinsic.cpuLocal(Intrinsic.CpuLocality.ALWAYS, Effects.NONE, (env, a) -> 0));
        table.put("__dsb", Intrinsic.cpuLocal(Intrinsic.CpuLocality.ALWAYS, Effects.NONE, (env, a) -> 0));
        for (int size : new int[] {4, 8}) {
            String bits = String.valueOf(size * 8);
            table.put("__spinlab_xchg" + bits, Intrinsic.declared(Effects.readsWrites(0, size), (env, a) -> {
                long old = env.memory().load(a[0], size, false);
                store(env, a[0], size, a[1]);
                return old;
            }));
            table.put("__spinlab_cmpxchg" + bits, Intrinsic.declared(Effects.readsWrites(0, size), (env, a) -> {
                long old = env.memory().load(a[0], size, false);
                long expected = size == 4 ? a[1] & 0xffffffffL : a[1];
                if (old == expected) {
                    store(env, a[0], size, a[2]);
                }
                return old;
            }));
            table.put("__spinlab_fetch_add" + bits, Intrinsic.declared(Effects.readsWrites(0, size), (env, a) -> {
                long old = env.memory().load(a[0], size, false);
                store(env, a[0], size, old + a[1]);
                return old;
            }));
        }
    }

    private static void store(CallEnv env, long addr, int size, long v) {
        env.memory().store(addr, size, v);
        env.state().noteStore(env.cpu(), addr, size);
    }

    /** The primitive of that name, or null. */
    public Intrinsic lookup(String name) {
        return table.get(name);
    }
}
