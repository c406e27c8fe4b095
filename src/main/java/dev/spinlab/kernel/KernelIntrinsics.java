package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.rt.CFormat;
import dev.spinlab.kc.rt.Heap;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.Effects;
import dev.spinlab.machine.Register;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.ExecFault;
import dev.spinlab.machine.Fingerprint;
import dev.spinlab.machine.Intrinsic;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.Memory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.spinlab.machine.Intrinsic.CpuLocality.ALWAYS;
import static dev.spinlab.machine.Intrinsic.CpuLocality.IRQS_OFF;

/*
 * Implementation notes.
 *
 * The primitives the model kernel's C code calls by name: the CPU's preempt_count slot and
 * irq mask, the context switch, idling, interprocessor interrupts, the clock, the allocator,
 * and the kernel's output (printk, dump_stack, WARN) with the reports spinlab records as
 * findings. Everything with kernel policy in it stays in the C sources; these only touch the
 * machine. Every call is one visible step of the calling CPU.
 */
final class KernelIntrinsics {
    private final Kernel k;
    /*
     * What the intrinsics touch besides their result (machine.Effects), declared with each in
     * the table below; an intrinsic declared with none is unknown to observers. Lockdep's hooks
     * are Effects.NONE: the held-lock stacks they change are the path's own and part of check's
     * state; the graph is the whole search's (docs/check.md). Output (printk, the console, the
     * wire) is not state.
     */
    /** A new context (kthread, process): its stack comes from the address space, its id from the context table. */
    private static final Effects NEW_CONTEXT = (m, cpu, a, obs) -> {
        obs.register(Register.HEAP, 0, false);
        obs.register(Register.HEAP, 0, true);
        obs.register(Register.CONTEXTS, 0, false);
        obs.register(Register.CONTEXTS, 0, true);
    };
    /** test_and_set_bit / clear_bit (nr, addr): the word holding the bit, read and written. */
    private static final Effects BIT_OP = (m, cpu, a, obs) -> {
        long word = a[1] + (a[0] / 64) * 8;
        obs.range(word, 8, false);
        obs.range(word, 8, true);
    };
    /**
     * kmalloc: from its context's arena under check (which one depends on the CPU's context and
     * preempt_count: AllocArenas), else from the shared space, whose bump pointer every such
     * allocation moves.
     */
    private static final Effects KMALLOC = (m, cpu, a, obs) -> {
        int arena = AllocArenas.of(m, cpu);
        obs.register(Register.PREEMPT, cpu, false);
        obs.register(Register.CONTEXT, cpu, false);
        Register r = arena >= 0 ? Register.ARENA : Register.HEAP;
        obs.register(r, Math.max(arena, 0), false);
        obs.register(r, Math.max(arena, 0), true);
    };

    /** kasprintf(fmt, ...): the format and each %s string it reads, and the allocation. */
    private static final Effects KASPRINTF = (m, cpu, a, obs) -> {
        dev.spinlab.kc.rt.LibcEffects.formatReads(m, obs, a, 0, 1);
        KMALLOC.declare(m, cpu, a, obs);
    };

    private final Map<String, Intrinsic> table = new HashMap<>();
    private final Libc libc = new Libc();
    private final ArchIntrinsics arch = new ArchIntrinsics();
    /** The last printk ended without a newline: a KERN_CONT printk continues its line. */
    private boolean kernelLineOpen;
    /** The serial console printk writes to (its lag behind printk). */
    private final SerialConsole console = new SerialConsole();

    KernelIntrinsics(Kernel k) {
        this.k = k;
        // preempt_count: the CPU's slot (x86 keeps it per CPU; the count carries across a switch).
        // This CPU's registers only: under check (cpu-local) a call with interrupts masked runs
        // inside the step, since then no handler can come between it and the step before
        // (Intrinsic.cpuLocal); current, whatever comes between, is the same task
        table.put("preempt_count", Intrinsic.cpuLocal(IRQS_OFF, Effects.reads(Register.PREEMPT), (env, a) -> env.state().preemptCount[env.cpu()]));
        table.put("__preempt_count_add", Intrinsic.cpuLocal(IRQS_OFF, Effects.updates(Register.PREEMPT), (env, a) -> {
            env.state().preemptCount[env.cpu()] += (int) a[0];
            return 0;
        }));
        table.put("__preempt_count_sub", Intrinsic.cpuLocal(IRQS_OFF, Effects.updates(Register.PREEMPT), (env, a) -> {
            env.state().preemptCount[env.cpu()] -= (int) a[0];
            return 0;
        }));
        table.put("preempt_count_set", Intrinsic.cpuLocal(IRQS_OFF, Effects.updates(Register.PREEMPT), (env, a) -> {
            env.state().preemptCount[env.cpu()] = (int) a[0];
            return 0;
        }));
        // the irq mask; flags are the ARM CPSR image (PSR_I_BIT set = masked)
        // lockdep hears of every transition (trace_hardirqs_on before enabling, _off after disabling)
        table.put("arch_local_irq_disable", Intrinsic.cpuLocal(IRQS_OFF, Effects.writes(Register.IRQ_MASK), (env, a) -> {
            irqsTo(env, 0);
            return 0;
        }));
        table.put("arch_local_irq_enable", Intrinsic.cpuLocal(IRQS_OFF, Effects.writes(Register.IRQ_MASK), (env, a) -> {
            irqsTo(env, 1);
            return 0;
        }));
        table.put("arch_local_save_flags", Intrinsic.cpuLocal(IRQS_OFF, Effects.reads(Register.IRQ_MASK), (env, a) -> env.state().irqEnabled[env.cpu()] != 0 ? 0 : 0x80));
        table.put("arch_local_irq_restore", Intrinsic.cpuLocal(IRQS_OFF, Effects.writes(Register.IRQ_MASK), (env, a) -> {
            irqsTo(env, (a[0] & 0x80) != 0 ? 0 : 1);
            return 0;
        }));
        // lockdep (dev.spinlab.lockdep): the validator observes, it never changes the machine
        table.put("lock_acquire", Intrinsic.cpuLocal(IRQS_OFF, Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.acquire(a[0], (int) a[1], a[2] != 0, (int) a[3], a[4] != 0, a[5], a[6]));
            return 0;
        }));
        table.put("lock_release", Intrinsic.cpuLocal(IRQS_OFF, Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.release(a[0], a[1]));
            return 0;
        }));
        table.put("lockdep_softirqs_on", Intrinsic.declared(Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.softirqsOn(a[0]));
            return 0;
        }));
        table.put("lockdep_softirqs_off", Intrinsic.declared(Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.softirqsOff(a[0]));
            return 0;
        }));
        table.put("lockdep_sys_exit", Intrinsic.declared(Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.sysExit());
            return 0;
        }));
        table.put("debug_show_held_locks", Intrinsic.declared(Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.showHeldLocks(a[0]));
            return 0;
        }));
        table.put("print_irqtrace_events", Intrinsic.declared(Effects.NONE, (env, a) -> {
            lockdep(env, ld -> ld.printIrqtraceEvents(a[0]));
            return 0;
        }));
        // lockdep's observers: local calls (no step of their own), reading only
        table.put("debug_check_no_locks_freed", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.checkNoLocksFreed(a[0], a[1]));
            return 0;
        });
        table.put("lock_is_held_type", (Intrinsic.Observer) (env, a) -> {
            int[] r = {dev.spinlab.lockdep.Lockdep.LOCK_STATE_UNKNOWN};
            lockdep(env, ld -> r[0] = ld.lockIsHeldType(a[0], (int) a[1]));
            return r[0];
        });
        table.put("__lock_set_class", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.setClass(a[0], (int) a[1], a[2]));
            return 0;
        });
        table.put("lock_downgrade", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.downgrade(a[0], a[1]));
            return 0;
        });
        // might_alloc() (<linux/sched/mm.h>) in every allocation: fs_reclaim taken and dropped,
        // and the task flags that decide it, read without a step (no run's clock moves)
        table.put("lock_map_acquire_release", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> {
                ld.acquire(a[0], 0, false, 0, true, 0, a[1]);
                ld.release(a[0], a[1]);
            });
            return 0;
        });
        // rcu_lock_acquire/release (<linux/rcupdate.h>): a module's RCU reader holds its flavour's
        // map as a recursive read lock without dependency checks (read 2, check 0, _THIS_IP_)
        table.put("rcu_lock_acquire", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.acquire(a[0], 0, false, 2, false, 0, 1));
            return 0;
        });
        table.put("rcu_lock_release", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.release(a[0], 1));
            return 0;
        });
        table.put("__current_flags_observed", (Intrinsic.Observer) (env, a) ->
                k.task.get(env.memory(), env.context().tag, "flags"));
        table.put("lockdep_hardirq_enter", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.hardirqEnter());
            return 0;
        });
        table.put("lockdep_hardirq_exit", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.hardirqExit());
            return 0;
        });
        table.put("lockdep_softirq_enter", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.softirqContext(1));
            return 0;
        });
        table.put("lockdep_softirq_exit", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.softirqContext(-1));
            return 0;
        });
        table.put("lockdep_hardirq_threaded", (Intrinsic.Observer) (env, a) -> {
            lockdep(env, ld -> ld.hardirqThreaded());
            return 0;
        });
        table.put("lockdep_hardirq_threaded_unless", (Intrinsic.Observer) (env, a) -> {
            if ((env.memory().load(a[0], 8, false) & a[1]) == 0) {
                lockdep(env, ld -> ld.hardirqThreaded());
            }
            return 0;
        });
        table.put("__lockdep_hrtimer_enter", (Intrinsic.Observer) (env, a) -> {
            boolean hard = env.memory().load(a[0], 1, false) != 0;
            if (!hard) {
                lockdep(env, ld -> ld.irqConfig(true));
            }
            return hard ? 1 : 0;
        });
        table.put("lockdep_hrtimer_exit", (Intrinsic.Observer) (env, a) -> {
            if (a[0] == 0) {
                lockdep(env, ld -> ld.irqConfig(false));
            }
            return 0;
        });
        table.put("__lockdep_enabled_now", (Intrinsic.Observer) (env, a) -> {
            boolean[] r = {false};
            lockdep(env, ld -> r[0] = ld.enabled());
            return r[0] ? 1 : 0;
        });
        // lockdep's per-CPU hardirqs_enabled and hardirq_context: the machine's, which it tracks exactly
        table.put("__lockdep_hardirqs_enabled", (Intrinsic.Observer) (env, a) -> env.state().irqEnabled[env.cpu()] != 0 ? 1 : 0);
        table.put("__lockdep_hardirq_context", (Intrinsic.Observer) (env, a) ->
                (env.state().preemptCount[env.cpu()] & 0xf0000) != 0 ? 1 : 0);
        table.put("raw_smp_processor_id", Intrinsic.cpuLocal(IRQS_OFF, Effects.NONE, (env, a) -> env.cpu()));
        table.put("get_current", Intrinsic.cpuLocal(ALWAYS, Effects.reads(Register.CONTEXT), (env, a) -> env.context().tag));
        table.put("__switch_to", Intrinsic.declared(Effects.writes(Register.CONTEXT), (env, a) -> {
            int next = (int) k.task.get(env.memory(), a[1], "exec_ctx");
            env.state().setTaskContext(env.cpu(), next);
            return 0;
        }));
        table.put("__wfi", Intrinsic.declared(Effects.reads(Register.PENDING), (env, a) -> {
            if (env.state().pendingIrq[env.cpu()] == 0) {
                env.block();
            }
            return 0;
        }));
        table.put("__send_ipi", Intrinsic.declared((m, cpu, a, obs) -> obs.register(Register.PENDING, (int) a[0], true), (env, a) -> {
            env.state().pendingIrq[(int) a[0]] |= 1L << a[1];
            return 0;
        }));
        table.put("__spinlab_new_context", Intrinsic.declared(NEW_CONTEXT, (env, a) -> {
            ExecContext ctx = env.state().newContext(a[2]);
            k.interp.start(ctx, a[0], a[1]);
            ctx.tag = a[1];
            return ctx.id;
        }));
        table.put("__spinlab_start_secondary", (env, a) -> {
            env.state().pushContext((int) a[0], k.idleContext[(int) a[0]]);
            return 0;
        });
        table.put("local_clock", Intrinsic.declared(Effects.NONE, (env, a) -> {
            k.clockReads++; // a loop on the clock is no busy-wait to skip (Simulation)
            return env.state().timeNs;
        }));
        table.put("cpu_relax", Intrinsic.declared(Effects.NONE, (env, a) -> 0));
        // kernel/time/timer.c's ndelay(): waits (blocked, as in wfe) until the clock reaches
        // a[0]; run's Simulation reads the deadline to wake the CPU then, or jump the clock to it
        table.put("__spinlab_delay_until", Intrinsic.declared(Effects.NONE, (env, a) -> {
            k.clockReads++;
            if (env.state().timeNs < a[0]) {
                k.delayUntil[env.cpu()] = a[0];
                env.block();
            } else {
                k.delayUntil[env.cpu()] = 0;
            }
            return 0;
        }));
        table.put("__builtin_ctz", Intrinsic.declared(Effects.NONE, (env, a) -> Long.numberOfTrailingZeros(a[0] & 0xffffffffL)));
        table.put("__spinlab_test_and_set_bit", Intrinsic.declared(BIT_OP, (env, a) -> {
            long word = a[1] + (a[0] / 64) * 8;
            long old = env.memory().load(word, 8, false);
            env.memory().store(word, 8, old | (1L << (a[0] % 64)));
            env.state().noteStore(env.cpu(), word, 8);
            return (old >>> (a[0] % 64)) & 1;
        }));
        table.put("__spinlab_clear_bit", Intrinsic.declared(BIT_OP, (env, a) -> {
            long word = a[1] + (a[0] / 64) * 8;
            long old = env.memory().load(word, 8, false);
            env.memory().store(word, 8, old & ~(1L << (a[0] % 64)));
            env.state().noteStore(env.cpu(), word, 8);
            return 0;
        }));
        table.put("__spinlab_kmalloc", Intrinsic.cpuLocal(Intrinsic.CpuLocality.MEMORY, KMALLOC, (env, a) -> Heap.malloc(env.memory(), a[0], AllocArenas.of(env.state(), env.cpu()))));
        table.put("__spinlab_kfree", Intrinsic.declared(dev.spinlab.kc.rt.LibcEffects.FREES, (env, a) -> {
            // slab_free_hook()'s debug_check_no_locks_freed() (mm/slub.c), before the block is
            // poisoned; a bad pointer faults below as before, so only a live block is checked
            long size = Heap.liveBlockSize(env.memory(), a[0]);
            if (size > 0 && env.memory().shadow(a[0]) != dev.spinlab.machine.Memory.FREED) {
                lockdep(env, ld -> ld.checkNoLocksFreed(a[0], size));
            }
            Heap.free(env.memory(), a[0], "kfree");
            return 0;
        }));
        table.put("__spinlab_kasprintf", Intrinsic.declared(KASPRINTF, (env, a) -> {
            byte[] s = format(env, a, 0);
            long p = Heap.malloc(env.memory(), s.length + 1, AllocArenas.of(env.state(), env.cpu()));
            for (int i = 0; i < s.length; i++) {
                env.memory().store(p + i, 1, s[i]);
            }
            env.memory().store(p + s.length, 1, 0);
            return p;
        }));
        table.put("__spinlab_console_write", Intrinsic.declared(Effects.NONE, (env, a) -> {
            byte[] b = new byte[(int) Math.max(0, Math.min(a[1], 1 << 16))];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) env.memory().load(a[0] + i, 1, false);
            }
            k.userWrite(env.context().tag, new String(b, StandardCharsets.UTF_8));
            return a[1];
        }));
        // a doorbell device's command register (include/linux/spinlab_irqdev.h): GO starts the
        // device, which may raise its interrupts at any moment from then on (its budget, held
        // negated until now, becomes deliverable); HALT drops what it has not raised yet (a line
        // already pending stays pending). A second GO, a GO after HALT, or a line with no
        // doorbell device changes nothing. Declared with no effects on purpose: the step is
        // unknown to check's footprints, so no reduction reorders it with anything.
        table.put("spinlab_irqdev_ctrl", (env, a) -> {
            int[] left = env.state().deviceEvents;
            List<KernelConfig.IrqDevice> irqs = k.config().irqs();
            for (int d = 0; d < irqs.size(); d++) {
                if (irqs.get(d).line() != a[0] || !irqs.get(d).doorbell()) {
                    continue;
                }
                if (a[1] == 1 && left[d] < 0) {
                    left[d] = -left[d];
                } else if (a[1] == 2) {
                    left[d] = 0;
                }
            }
            return 0;
        });
        // eth0's wire: the frame leaves the machine; logged as tcpdump would show it
        table.put("__spinlab_nic_tx", Intrinsic.declared(Effects.NONE, (env, a) -> {
            byte[] f = new byte[(int) Math.max(0, Math.min(a[1], 1 << 16))];
            for (int i = 0; i < f.length; i++) {
                f[i] = (byte) env.memory().load(a[0] + i, 1, false);
            }
            k.log.add(new LogRecord(env.state().timeNs, 6, "spinlab", "spinlab: eth0 wire: " + NetPackets.describe(f)));
            return 0;
        }));
        // the run's output bookkeeping: which task prints as which process (the process list
        // itself is the kernel's task_list, read from the state: Kernel.userTasks)
        table.put("__spinlab_process_started", (env, a) -> {
            k.processOf(a[0]);
            return 0;
        });
        table.put("__spinlab_fork_context", (env, a) -> forkContext(env, a[0]));
        table.put("__spinlab_task_exit", Intrinsic.declared(Effects.NONE, (env, a) -> 0));
        // output and reports
        table.put("printk", Intrinsic.declared(Effects.NONE, (env, a) -> printk(env, format(env, a, 0))));
        // kernel/printk/printk.c vprintk and lib/vsprintf.c vscnprintf: the va_list forms
        // (vsnprintf/vsprintf come from the shared C library table, as snprintf does)
        table.put("vprintk", (env, a) -> printk(env, formatVa(env, a[0], a[1])));
        table.put("vscnprintf", (env, a) -> {
            byte[] s = formatVa(env, a[2], a[3]);
            long n = a[1] <= 0 ? 0 : Math.min(s.length, a[1] - 1);
            if (a[1] > 0) {
                for (int i = 0; i < n; i++) {
                    env.memory().store(a[0] + i, 1, s[i]);
                }
                env.memory().store(a[0] + n, 1, 0);
            }
            return n;
        });
        table.put("dump_stack", Intrinsic.declared(Effects.NONE, (env, a) -> {
            k.printk(4, dump(env, env.context(), false), env.cpu());
            return 0;
        }));
        table.put("__spinlab_show_regs", Intrinsic.declared(Effects.NONE, (env, a) -> {
            k.printk(4, dump(env, env.context(), true), env.cpu());
            return 0;
        }));
        table.put("__spinlab_warn", Intrinsic.declared(Effects.NONE, (env, a) -> a[0] != 0 ? warn(env, format(env, a, 1)) : 0));
        table.put("__spinlab_warn_on", Intrinsic.declared(Effects.NONE, (env, a) -> a[0] != 0 ? warn(env, null) : 0));
        table.put("__spinlab_warn_on_once", Intrinsic.declared(Effects.NONE, (env, a) -> {
            if (a[0] != 0 && firstWarning(env)) {
                warn(env, null);
            }
            return a[0];
        }));
        table.put("__spinlab_warn_once", Intrinsic.declared(Effects.NONE, (env, a) -> {
            if (a[0] != 0 && firstWarning(env)) {
                warn(env, format(env, a, 1));
            }
            return a[0];
        }));
        table.put("__spinlab_bug", (env, a) -> {
            String at = where(env);
            throw new ExecFault(ExecFault.Kind.BAD_ACCESS, 0, "kernel BUG at " + at + "!");
        });
        // the model kernel's findings: one intrinsic, the kind named by C (include/linux/bug.h)
        table.put("__spinlab_finding", Intrinsic.declared(Effects.NONE, (env, a) -> {
            finding(env, FindingKind.byId(new String(env.memory().cString(a[0], 64), StandardCharsets.UTF_8)),
                    new String(env.memory().cString(a[1], 2048), StandardCharsets.UTF_8), (int) a[2]);
            return 0;
        }));
        VsprintfIntrinsics.register(table, this::format);
        UserAccessIntrinsics.register(table);
        UbsanIntrinsics.register(table, k, this);
    }

    /*
     * pr_cont(): the text joins the open line (printk's record stays open until a newline,
     * kernel/printk/printk.c), keeping that line's time and level; what follows a newline in it
     * starts new lines.
     */
    private void continueLine(String text) {
        k.outputEvents++;
        LogRecord last = k.log.remove(k.log.size() - 1);
        String[] parts = text.split("\n", -1);
        k.log.add(new LogRecord(last.timeNs(), last.level(), last.source(), last.text() + parts[0]));
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                k.log.add(new LogRecord(k.viewedTimeNs(), last.level(), last.source(), parts[i]));
            }
        }
    }

    /**
     * One call into lockdep, observing through this kernel and changing this kernel's tasks'
     * state; under the lockdep's monitor, since the worker kernels of a search share it.
     */
    private void lockdep(CallEnv env, java.util.function.Consumer<dev.spinlab.lockdep.Lockdep> call) {
        if (k.lockdepSuspended || k.config.lockdep() == dev.spinlab.lockdep.LockdepMode.OFF) {
            return;
        }
        dev.spinlab.lockdep.Lockdep ld = k.lockdep;
        synchronized (ld) {
            k.lockdepHost.env = env;
            ld.attach(k.lockdepHost, k.lockdepTasks);
            call.accept(ld);
        }
    }

    private void irqsTo(CallEnv env, int on) {
        int cpu = env.cpu();
        int was = env.state().irqEnabled[cpu];
        if (on != 0 && was == 0) {
            lockdep(env, ld -> ld.hardirqsOn());
        }
        env.state().irqEnabled[cpu] = on;
        if (on == 0 && was != 0) {
            lockdep(env, ld -> ld.hardirqsOff());
        }
    }

    /*
     * fork's copy of the calling context. One address space holds every stack, so the child's
     * stack is a copy at another place: frame pointers move by the distance between the
     * stacks, and so does every register or stack word whose value points into the parent's
     * stack (a conservative relocation, as a conservative collector would find pointers). A
     * pointer into the stack kept elsewhere (a global, the heap) still points to the parent's.
     */
    private long forkContext(CallEnv env, long childTask) {
        MachineState s = env.state();
        ExecContext parent = env.context();
        ExecContext child = s.newContext(parent.stackHi - parent.stackLo);
        long delta = child.stackHi - parent.stackHi;
        child.ensureRegs(parent.regTop);
        System.arraycopy(parent.regs, 0, child.regs, 0, parent.regTop);
        child.regTop = parent.regTop;
        child.ensureFrames(parent.frameTop);
        System.arraycopy(parent.frames, 0, child.frames, 0, parent.frameTop);
        child.frameTop = parent.frameTop;
        child.sp = parent.sp + delta;
        for (long a = parent.sp; a < parent.stackHi; a++) {
            s.mem.store(a + delta, 1, s.mem.load(a, 1, false));
        }
        for (long a = Memory.alignUp(parent.sp, 8); a + 8 <= parent.stackHi; a += 8) {
            long v = s.mem.load(a + delta, 8, false);
            if (v >= parent.stackLo && v < parent.stackHi) {
                s.mem.store(a + delta, 8, v + delta);
            }
        }
        for (int i = 0; i < child.regTop; i++) {
            if (child.regs[i] >= parent.stackLo && child.regs[i] < parent.stackHi) {
                child.regs[i] += delta;
            }
        }
        for (int f = 0; f < child.depth(); f++) {
            child.frames[f * ExecContext.FRAME_WORDS + ExecContext.F_FP] += delta;
        }
        // the child resumes after this call, which returns -1 there
        int top = child.frameTop - ExecContext.FRAME_WORDS;
        var fn = k.interp.code().entry((int) child.frames[top + ExecContext.F_FN]).fn();
        int pc = (int) child.frames[top + ExecContext.F_PC];
        int dst = fn.code[pc + 1];
        if (dst >= 0) {
            child.regs[(int) child.frames[top + ExecContext.F_REGBASE] + dst] = -1;
        }
        child.frames[top + ExecContext.F_PC] = pc + dev.spinlab.kc.ir.Op.WIDTH;
        child.tag = childTask;
        return child.id;
    }

    Intrinsic lookup(String name) {
        Intrinsic kernel = table.get(name);
        if (kernel != null) {
            // what the kernel reads on the Java side during the call (a task's comm and pid, the
            // current task) is the state being stepped: check steps states other than k.state,
            // and a task forked on one of its paths exists in that path's memory only (issue 18)
            Intrinsic viewing = (env, a) -> {
                MachineState outer = k.stepping; // as Kernel.viewing, without boxing on this hot path
                k.stepping = env.state();
                try {
                    return kernel.call(env, a);
                } finally {
                    k.stepping = outer;
                }
            };
            if (kernel instanceof Intrinsic.Observer) {
                return (Intrinsic.Observer) viewing::call;
            }
            return kernel.effects() == null ? viewing : Intrinsic.cpuLocal(kernel.cpuLocality(), kernel.effects(), viewing);
        }
        Intrinsic in = null;
        if (in == null) {
            in = libc.lookup(name);
        }
        if (in == null) {
            in = arch.lookup(name);
        }
        return in;
    }

    /**
     * A finding the model kernel's C reported (__spinlab_finding): its stack is where says, and
     * a few kinds have more to them than the report: spinlab's own checks speak in the log as
     * "spinlab: ..." (the machine's stop after a panic or an emergency restart is the C's:
     * spinlab_machine_stopped, kernel/reboot.c).
     */
    private void finding(CallEnv env, FindingKind kind, String message, int where) {
        List<StackEntry> stack = switch (where) {
            case 0 -> k.kernelStack(env.context());
            case 1 -> interruptedStack(env.context());
            default -> List.of();
        };
        switch (kind) {
            case PREEMPT_LEAK_TO_USER -> k.log.add(new LogRecord(env.state().timeNs, 3, "spinlab", "spinlab: " + message));
            case EMERGENCY_RESTART -> k.log.add(new LogRecord(env.state().timeNs, 0, "spinlab", "spinlab: " + message));
            default -> { }
        }
        k.addFinding(kind, env.cpu(), message, stack);
    }

    /** printk's output: the level from the KERN_* prefix (default 4), the text to the log. */
    private long printk(CallEnv env, byte[] s) {
        int level = 4;
        int off = 0;
        if (s.length >= 2 && s[0] == 1) {
            level = s[1] >= '0' && s[1] <= '7' ? s[1] - '0' : 4;
            off = 2;
        }
        String text = new String(s, off, s.length - off, StandardCharsets.UTF_8);
        boolean cont = off == 2 && s[1] == 'c';
        if (cont && kernelLineOpen && !k.quiet && !k.log.isEmpty() && k.log.get(k.log.size() - 1).isKernel()) {
            continueLine(text);
        } else {
            k.printk(level, text, env.cpu());
        }
        kernelLineOpen = !text.isEmpty() && !text.endsWith("\n");
        if (!k.quiet) {
            env.state().timeNs += console.write(env.state().timeNs, level, text); // waits for the console
        }
        return s.length;
    }

    private byte[] format(CallEnv env, long[] a, int fmtIndex) {
        return CFormat.format(env.memory(), a[fmtIndex], CFormat.Args.ofRegisters(a, fmtIndex + 1), kernelPointers());
    }

    private byte[] formatVa(CallEnv env, long fmt, long vaList) {
        return CFormat.format(env.memory(), fmt, CFormat.Args.ofVaList(env.memory(), vaList), kernelPointers());
    }

    private CFormat.PointerFormatter kernelPointers() {
        return (ext, p) -> {
            if (ext == 'S' || ext == 'B') {
                return k.symbols.symbolize(p);
            }
            if (ext == 's') {
                return k.symbols.symbolizeNoOffset(p); // %ps: the name without offset and size
            }
            if (ext == 'e' && ErrNames.format(p) != null) {
                return ErrNames.format(p); // %pe: lib/vsprintf.c err_ptr()
            }
            if (ext == 0 || ext == 'e') {
                // the kernel prints hashed pointers, never raw addresses
                return String.format("%016x", Fingerprint.mix(p) & 0xffffffffL);
            }
            return null;
        };
    }

    private String where(CallEnv env) {
        List<StackEntry> st = k.interp.stack(env.context());
        return st.isEmpty() ? "?" : st.get(0).loc().file() + ":" + st.get(0).loc().line();
    }

    /**
     * report_bug()'s BUGFLAG_DONE for a WARN_ON_ONCE site (lib/bug.c): whether the calling site
     * has not warned before, recording that it has. The sites are kept in kernel memory at
     * __warn_once_done (WARN_ONCE_SITES code addresses, ascending, zero after the last), so the
     * record is part of the machine's state: each path of a search has its own.
     */
    private boolean firstWarning(CallEnv env) {
        return firstWarningAt(env, callSite(env.context()));
    }

    /** As firstWarning, for the site at code address site (UBSAN's: the handler's caller). */
    boolean firstWarningAt(CallEnv env, long site) {
        long done = k.global("__warn_once_done");
        Memory mem = env.memory();
        int n = 0;
        while (n < WARN_ONCE_SITES && mem.load(done + 8L * n, 8, false) != 0) {
            n++;
        }
        env.accessed(done, 8L * WARN_ONCE_SITES, false);
        int at = 0;
        while (at < n && Long.compareUnsigned(mem.load(done + 8L * at, 8, false), site) < 0) {
            at++;
        }
        if (at < n && mem.load(done + 8L * at, 8, false) == site) {
            return false;
        }
        if (n == WARN_ONCE_SITES) {
            return true; // no room to remember it: warn every time rather than never
        }
        for (int i = n; i > at; i--) {
            mem.store(done + 8L * i, 8, mem.load(done + 8L * (i - 1), 8, false));
        }
        mem.store(done + 8L * at, 8, site);
        env.accessed(done, 8L * WARN_ONCE_SITES, true);
        return true;
    }

    /** Entries of lib/bug.c's __warn_once_done (include/linux/bug.h: WARN_ONCE_SITES). */
    static final int WARN_ONCE_SITES = 128;

    /** The code address of the call the context is making (the intrinsic's call site). */
    static long callSite(ExecContext ctx) {
        return callSite(ctx, 0);
    }

    /** The code address of the call the frame up levels below the top is making. */
    static long callSite(ExecContext ctx, int up) {
        int i = Math.max(0, ctx.depth() - 1 - up);
        return dev.spinlab.kc.ir.CodeSpace.address((int) ctx.frame(i, ExecContext.F_FN))
                + ctx.frame(i, ExecContext.F_PC) / dev.spinlab.kc.ir.Op.WIDTH * 4L;
    }

    /** add_taint(TAINT_WARN, LOCKDEP_STILL_OK) (kernel/panic.c): sets the bit in tainted_mask. */
    private void taintWarn(CallEnv env) {
        long mask = k.global("tainted_mask");
        env.accessed(mask, 8, false);
        env.memory().store(mask, 8, env.memory().load(mask, 8, false) | 1L << Kernel.TAINT_WARN);
        env.accessed(mask, 8, true);
    }

    private long warn(CallEnv env, byte[] message) {
        List<StackEntry> st = k.interp.stack(env.context());
        StackEntry top = st.isEmpty() ? null : st.get(0);
        long t = env.context().tag;
        StringBuilder sb = new StringBuilder("------------[ cut here ]------------\n");
        if (message != null) {
            sb.append(new String(message, StandardCharsets.UTF_8)).append('\n');
        }
        String head = String.format("WARNING: CPU: %d PID: %d at %s:%d %s", env.cpu(), k.pid(t),
                top == null ? "?" : top.loc().file(), top == null ? 0 : top.loc().line(),
                top == null ? "?" : frame(top));
        sb.append(head).append('\n');
        sb.append(dump(env, env.context(), false)).append('\n');
        taintWarn(env);   // kernel/panic.c __warn(): add_taint() after the report, so the first WARN says "Not tainted"
        sb.append("---[ end trace 0000000000000000 ]---");
        k.printk(4, sb.toString(), env.cpu());
        k.addFinding(FindingKind.WARNING, env.cpu(), head, k.kernelStack(env.context()));
        return 1;
    }

    String frame(StackEntry e) {
        String mod = k.moduleOf(e);
        return String.format("%s+0x%x/0x%x%s", e.function(), e.offset(), Math.max(e.length(), 4),
                mod != null ? " [" + mod + "]" : "");
    }

    /** The stack of the context an interrupt interrupted (below the innermost exception frame). */
    List<StackEntry> interruptedStack(ExecContext ctx) {
        List<StackEntry> all = k.kernelStack(ctx);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).exceptionEntry()) {
                return all.subList(i + 1, all.size());
            }
        }
        return all;
    }

    /** dump_stack()'s output: the header, then the call trace with IRQ and TASK sections. */
    String dump(CallEnv env, ExecContext ctx, boolean interruptedOnly) {
        return dump(env.state(), env.cpu(), ctx, interruptedOnly);
    }

    String dump(MachineState s, int cpu, ExecContext ctx, boolean interruptedOnly) {
        long t = ctx.tag;
        StringBuilder sb = new StringBuilder();
        if (!k.modules.isEmpty()) {
            sb.append("Modules linked in: ").append(String.join(" ", k.modules)).append('\n');
        }
        sb.append(String.format("CPU: %d PID: %d Comm: %s %s 6.6.0-spinlab #1%n", cpu, k.pid(t), k.comm(t),
                k.tainted(s) ? "Tainted: G        W         " : "Not tainted"));
        sb.append(String.format("Hardware name: spinlab model machine (%d CPUs, ticket spinlocks)%n", s.ncpu));
        sb.append(String.format("preempt_count: %08x, irqs %s%n", s.preemptCount[cpu],
                s.irqEnabled[cpu] != 0 ? "on" : "off"));
        sb.append("Call Trace:\n");
        List<StackEntry> st = interruptedOnly ? interruptedStack(ctx) : k.kernelStack(ctx);
        int irqEnd = -1;
        for (int i = 0; i < st.size(); i++) {
            if (st.get(i).exceptionEntry()) {
                irqEnd = i;
            }
        }
        if (irqEnd >= 0) {
            sb.append(" <IRQ>\n");
        }
        for (int i = 0; i < st.size(); i++) {
            StackEntry e = st.get(i);
            if (e.isFolded()) {
                sb.append(' ').append(e.function()).append('\n'); // a runaway recursion's middle
            } else {
                sb.append(' ').append(frame(e)).append(" (").append(e.loc().file()).append(':')
                        .append(e.loc().line()).append(")\n");
            }
            if (i == irqEnd) {
                sb.append(" </IRQ>\n");
                if (i + 1 < st.size()) {
                    sb.append(" <TASK>\n");
                }
            } else if (i == 0 && irqEnd < 0) {
                // nothing: the TASK marker goes first
            }
        }
        if (irqEnd < 0) {
            sb.insert(sb.indexOf("Call Trace:\n") + "Call Trace:\n".length(), " <TASK>\n");
            sb.append(" </TASK>");
        } else if (irqEnd + 1 < st.size()) {
            sb.append(" </TASK>");
        } else {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    static List<String> names(List<StackEntry> st) {
        List<String> out = new ArrayList<>();
        for (StackEntry e : st) {
            out.add(e.function());
        }
        return out;
    }
}
