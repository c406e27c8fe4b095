package dev.spinlab.report.html;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.lockdep.Lockdep;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deadlock's wait cycle, read from its final state: each CPU spinning on a lock
 * (TimelineBuilder.SPIN_FUNCTIONS) waits for the lock's holder (lockdep's held locks, by lock
 * instance); a holder interrupted on the spinner's own CPU waits for the handler to return; a
 * holder on another CPU waits for what that CPU waits for; a holder on no CPU waits for a CPU,
 * which a spinner with preemption disabled never gives up. The edges are followed until a
 * CPU repeats (the cycle closes) or nothing more is known.
 */
final class WaitCycle {
    private final Kernel k;
    private final TimelineBuilder names;

    WaitCycle(Kernel k, TimelineBuilder names) {
        this.k = k;
        this.names = names;
    }

    /** What a CPU runs at the end: its task, whether it spins, on which held lock. */
    private record Cpu(int cpu, long task, String comm, boolean spins, Lockdep.HeldLock lock, int pc) {
        String label() {
            return "CPU#" + cpu + " (" + comm + ")";
        }
    }

    HtmlModel.Cycle of(MachineState m, Map<Long, List<Lockdep.HeldLock>> held) {
        if (held == null) {
            return new HtmlModel.Cycle(List.of(), false,
                    "lockdep did not track held locks, so who holds what is unknown (drop --no-lockdep)");
        }
        Map<Integer, Cpu> cpus = new HashMap<>();
        Map<Long, Integer> running = new HashMap<>();
        for (int cpu = 0; cpu < m.ncpu; cpu++) {
            int ctx = m.currentContext(cpu);
            if (ctx < 0) {
                continue;
            }
            ExecContext c = m.peekContext(ctx);
            List<StackEntry> st = k.interpreter().stack(c);
            List<Lockdep.HeldLock> h = held.getOrDefault(c.tag, List.of());
            boolean spins = TimelineBuilder.spinning(st) && !h.isEmpty();
            cpus.put(cpu, new Cpu(cpu, c.tag, names.comm(m, c.tag), spins, spins ? h.get(h.size() - 1) : null,
                    m.preemptCount[cpu]));
            running.put(c.tag, cpu);
        }
        List<HtmlModel.Edge> edges = new ArrayList<>();
        Cpu start = cpus.values().stream().filter(Cpu::spins).min((a, b) -> a.cpu() - b.cpu()).orElse(null);
        if (start == null) {
            return new HtmlModel.Cycle(List.of(), false, "no CPU spins on a lock at the end");
        }
        Set<Integer> seen = new HashSet<>();
        Cpu at = start;
        boolean closed = false;
        while (at != null && seen.add(at.cpu())) {
            Lockdep.HeldLock lock = at.lock();
            String lockName = lock.lock();
            edges.add(new HtmlModel.Edge(at.label(), lockName, "spins on " + lockName
                    + (lock.irqContext() != 0 ? " in " + TimelineBuilder.irqContext(lock.irqContext()) + " context" : ""),
                    at.cpu()));
            Holder h = holder(held, at, lock, spinningTasks(cpus));
            if (h == null) {
                break;
            }
            String holder = names.comm(m, h.task());
            if (h.task() == at.task()) {
                // held in an outer context of the same task on the same CPU
                if (h.lock().irqContext() < lock.irqContext()) {
                    edges.add(new HtmlModel.Edge(lockName, at.label(), "held by the " + holder + " it interrupted ("
                            + TimelineBuilder.irqContext(h.lock().irqContext()) + " context), which cannot run again"
                            + " until the " + ((lock.irqContext() & 2) != 0 ? "handler" : "softirq") + " returns",
                            at.cpu()));
                } else {
                    edges.add(new HtmlModel.Edge(lockName, at.label(), "held by " + holder + " itself (recursion)",
                            at.cpu()));
                }
                closed = true;
                break;
            }
            Integer on = running.get(h.task());
            if (on != null) {
                Cpu other = cpus.get(on);
                edges.add(new HtmlModel.Edge(lockName, other.label(), "held by " + holder + " on CPU#" + on, on));
                if (!other.spins()) {
                    break; // the holder runs: it may yet release
                }
                closed = seen.contains(other.cpu());
                at = other;
                continue;
            }
            // the holder is on no CPU: it needs one, and the spinners keep theirs
            edges.add(new HtmlModel.Edge(lockName, holder, "held by " + holder + ", which is not running", -1));
            List<Cpu> blocking = cpus.values().stream()
                    .filter(c -> c.spins() || (c.pc() & 0xff) != 0).toList();
            if (blocking.size() == cpus.size() && blocking.contains(start)) {
                edges.add(new HtmlModel.Edge(holder, start.label(), "needs a CPU to run and release it; "
                        + start.comm() + " spins on CPU#" + start.cpu() + " with preemption disabled (preempt_count "
                        + String.format("%08x", start.pc()) + "), so never gives it up", start.cpu()));
                closed = true;
            }
            break;
        }
        StringBuilder sb = new StringBuilder();
        for (HtmlModel.Edge e : edges) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(e.from()).append(' ').append(e.label());
        }
        return new HtmlModel.Cycle(List.copyOf(edges), closed, sb.toString());
    }

    private record Holder(long task, Lockdep.HeldLock lock) {}

    /**
     * Who holds the lock the CPU spins on: another entry for the same lock instance, in the
     * spinner's own task (taken in an outer context) or in another task's held locks.
     */
    private static Set<Long> spinningTasks(Map<Integer, Cpu> cpus) {
        Set<Long> out = new HashSet<>();
        cpus.values().stream().filter(Cpu::spins).forEach(c -> out.add(c.task()));
        return out;
    }

    private static Holder holder(Map<Long, List<Lockdep.HeldLock>> held, Cpu at, Lockdep.HeldLock lock,
                                 Set<Long> spinning) {
        List<Lockdep.HeldLock> own = held.getOrDefault(at.task(), List.of());
        for (int j = own.size() - 2; j >= 0; j--) {
            if (own.get(j).instance() == lock.instance()) {
                return new Holder(at.task(), own.get(j));
            }
        }
        for (Map.Entry<Long, List<Lockdep.HeldLock>> e : held.entrySet()) {
            if (e.getKey() == at.task()) {
                continue;
            }
            List<Lockdep.HeldLock> hs = e.getValue();
            // a spinner's innermost entry is the lock it waits for, not one it holds
            int last = spinning.contains(e.getKey()) ? hs.size() - 1 : hs.size();
            for (int j = 0; j < last; j++) {
                Lockdep.HeldLock h = hs.get(j);
                if (h.instance() == lock.instance()) {
                    return new Holder(e.getKey(), h);
                }
            }
        }
        return null;
    }
}
