package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.rt.CFormat;
import dev.spinlab.kc.rt.Heap;
import dev.spinlab.kc.rt.Libc;
import dev.spinlab.machine.ArchIntrinsics;
import dev.spinlab.machine.CallEnv;
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
    private final Map<String, Intrinsic> table = new HashMap<>();
    private final Libc libc = new Libc();
    private final ArchIntrinsics arch = new ArchIntrinsics();
    /** WARN_ON_ONCE sites that have warned (Kernel.sideState saves and restores it). */
    final java.util.Set<String> warnedOnce = new java.util.HashSet<>();
    /** The last printk ended without a newline: a KERN_CONT printk continues its line. */
    private boolean kernelLineOpen;

    KernelIntrinsics(Kernel k) {
        this.k = k;
        // preempt_count: the CPU's slot (x86 keeps it per CPU; the count carries across a switch)
        table.put("preempt_count", (env, a) -> env.state().preemptCount[env.cpu()]);
        table.put("__preempt_count_add", (env, a) -> {
            env.state().preemptCount[env.cpu()] += (int) a[0];
            return 0;
        });
        table.put("__preempt_count_sub", (env, a) -> {
            env.state().preemptCount[env.cpu()] -= (int) a[0];
            return 0;
        });
        table.put("preempt_count_set", (env, a) -> {
            env.state().preemptCount[env.cpu()] = (int) a[0];
            return 0;
        });
        // the irq mask; flags are the ARM CPSR image (PSR_I_BIT set = masked)
        // lockdep hears of every transition (trace_hardirqs_on before enabling, _off after disabling)
        table.put("arch_local_irq_disable", (env, a) -> {
            irqsTo(env, 0);
            return 0;
        });
        table.put("arch_local_irq_enable", (env, a) -> {
            irqsTo(env, 1);
            return 0;
        });
        table.put("arch_local_save_flags", (env, a) -> env.state().irqEnabled[env.cpu()] != 0 ? 0 : 0x80);
        table.put("arch_local_irq_restore", (env, a) -> {
            irqsTo(env, (a[0] & 0x80) != 0 ? 0 : 1);
            return 0;
        });
        // lockdep (dev.spinlab.lockdep): the validator observes, it never changes the machine
        table.put("lock_acquire", (env, a) -> {
            lockdep(env).acquire(a[0], (int) a[1], a[2] != 0, (int) a[3], a[4] != 0, a[5], a[6]);
            return 0;
        });
        table.put("lock_release", (env, a) -> {
            lockdep(env).release(a[0], a[1]);
            return 0;
        });
        table.put("lockdep_softirqs_on", (env, a) -> {
            lockdep(env).softirqsOn(a[0]);
            return 0;
        });
        table.put("lockdep_softirqs_off", (env, a) -> {
            lockdep(env).softirqsOff(a[0]);
            return 0;
        });
        table.put("lockdep_sys_exit", (env, a) -> {
            lockdep(env).sysExit();
            return 0;
        });
        table.put("debug_show_held_locks", (env, a) -> {
            lockdep(env).showHeldLocks(a[0]);
            return 0;
        });
        table.put("print_irqtrace_events", (env, a) -> {
            lockdep(env).printIrqtraceEvents(a[0]);
            return 0;
        });
        table.put("raw_smp_processor_id", (env, a) -> env.cpu());
        table.put("get_current", (env, a) -> env.context().tag);
        table.put("__switch_to", (env, a) -> {
            int next = (int) k.task.get(env.memory(), a[1], "exec_ctx");
            env.state().setTaskContext(env.cpu(), next);
            return 0;
        });
        table.put("__wfi", (env, a) -> {
            if (env.state().pendingIrq[env.cpu()] == 0) {
                env.block();
            }
            return 0;
        });
        table.put("__send_ipi", (env, a) -> {
            env.state().pendingIrq[(int) a[0]] |= 1L << a[1];
            return 0;
        });
        table.put("__spinlab_new_context", (env, a) -> {
            ExecContext ctx = env.state().newContext(a[2]);
            k.interp.start(ctx, a[0], a[1]);
            ctx.tag = a[1];
            return ctx.id;
        });
        table.put("__spinlab_start_secondary", (env, a) -> {
            env.state().pushContext((int) a[0], k.idleContext[(int) a[0]]);
            return 0;
        });
        table.put("local_clock", (env, a) -> env.state().timeNs);
        table.put("cpu_relax", (env, a) -> 0);
        table.put("__builtin_ctz", (env, a) -> Long.numberOfTrailingZeros(a[0] & 0xffffffffL));
        table.put("__spinlab_test_and_set_bit", (env, a) -> {
            long word = a[1] + (a[0] / 64) * 8;
            long old = env.memory().load(word, 8, false);
            env.memory().store(word, 8, old | (1L << (a[0] % 64)));
            env.state().noteStore(env.cpu(), word, 8);
            return (old >>> (a[0] % 64)) & 1;
        });
        table.put("__spinlab_clear_bit", (env, a) -> {
            long word = a[1] + (a[0] / 64) * 8;
            long old = env.memory().load(word, 8, false);
            env.memory().store(word, 8, old & ~(1L << (a[0] % 64)));
            env.state().noteStore(env.cpu(), word, 8);
            return 0;
        });
        table.put("__spinlab_kmalloc", (env, a) -> Heap.malloc(env.memory(), a[0], AllocArenas.of(env.state(), env.cpu())));
        table.put("__spinlab_kfree", (env, a) -> {
            Heap.free(env.memory(), a[0], "kfree");
            return 0;
        });
        table.put("__spinlab_kasprintf", (env, a) -> {
            byte[] s = format(env, a, 0);
            long p = Heap.malloc(env.memory(), s.length + 1, AllocArenas.of(env.state(), env.cpu()));
            for (int i = 0; i < s.length; i++) {
                env.memory().store(p + i, 1, s[i]);
            }
            env.memory().store(p + s.length, 1, 0);
            return p;
        });
        table.put("__spinlab_console_write", (env, a) -> {
            byte[] b = new byte[(int) Math.max(0, Math.min(a[1], 1 << 16))];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) env.memory().load(a[0] + i, 1, false);
            }
            k.userWrite(env.context().tag, new String(b, StandardCharsets.UTF_8));
            return a[1];
        });
        // eth0's wire: the frame leaves the machine; logged as tcpdump would show it
        table.put("__spinlab_nic_tx", (env, a) -> {
            byte[] f = new byte[(int) Math.max(0, Math.min(a[1], 1 << 16))];
            for (int i = 0; i < f.length; i++) {
                f[i] = (byte) env.memory().load(a[0] + i, 1, false);
            }
            k.log.add(new LogRecord(env.state().timeNs, 6, "spinlab", "spinlab: eth0 wire: " + NetPackets.describe(f)));
            return 0;
        });
        table.put("__spinlab_boot_done", (env, a) -> {
            k.bootDone = true;
            return 0;
        });
        table.put("__spinlab_process_started", (env, a) -> {
            k.userTasks.add(a[0]);
            if (a[1] == 0) {
                k.programsStarted++;
            }
            k.processOf(a[0]).forked = a[1] == 1;
            k.processOf(a[0]).tool = a[1] == 2;
            return 0;
        });
        table.put("__spinlab_fork_context", (env, a) -> forkContext(env, a[0]));
        table.put("__spinlab_task_exit", (env, a) -> {
            Kernel.Process p = k.processOf(a[0]);
            if (p.forked && !p.exited) {
                // kernel/fork.c's nr_threads counts forked tasks alive; kept here, in the intrinsic
                // do_exit already calls, so that no other task's exit takes a step more
                long nr = k.globalAddress("nr_threads");
                env.memory().store(nr, 4, env.memory().load(nr, 4, true) - 1);
            }
            p.exited = true;
            p.exitCode = a[1];
            return 0;
        });
        // output and reports
        table.put("printk", (env, a) -> printk(env, format(env, a, 0)));
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
        table.put("dump_stack", (env, a) -> {
            k.printk(4, dump(env, env.context(), false), env.cpu());
            return 0;
        });
        table.put("__spinlab_show_regs", (env, a) -> {
            k.printk(4, dump(env, env.context(), true), env.cpu());
            return 0;
        });
        table.put("add_taint_warn", (env, a) -> {
            k.tainted = true;
            return 0;
        });
        table.put("__spinlab_warn", (env, a) -> a[0] != 0 ? warn(env, format(env, a, 1)) : 0);
        table.put("__spinlab_warn_on", (env, a) -> a[0] != 0 ? warn(env, null) : 0);
        table.put("__spinlab_warn_on_once", (env, a) -> {
            if (a[0] != 0 && warnedOnce.add(where(env))) {
                warn(env, null);
            }
            return a[0];
        });
        table.put("__spinlab_warn_once", (env, a) -> {
            if (a[0] != 0 && warnedOnce.add(where(env))) {
                warn(env, format(env, a, 1));
            }
            return a[0];
        });
        table.put("__spinlab_bug", (env, a) -> {
            String at = where(env);
            throw new ExecFault(ExecFault.Kind.BAD_ACCESS, 0, "kernel BUG at " + at + "!");
        });
        table.put("__spinlab_soft_lockup", (env, a) -> {
            k.softLockup = true;
            k.addFinding("soft-lockup", env.cpu(), lastLine(), interruptedStack(env.context()));
            return 0;
        });
        table.put("__spinlab_hard_lockup", (env, a) -> {
            k.hardLockup = true;
            k.addFinding("hard-lockup", env.cpu(), lastLine("Watchdog detected hard LOCKUP"), interruptedStack(env.context()));
            return 0;
        });
        table.put("__spinlab_report_spin_bug", (env, a) -> {
            String msg = new String(env.memory().cString(a[0], 64), StandardCharsets.UTF_8);
            String kind = msg.contains("recursion") ? "spinlock-recursion"
                    : msg.contains("already unlocked") ? "spinlock-bad-unlock"
                    : msg.contains("magic") ? "spinlock-bad-magic" : "spinlock-wrong-owner";
            long t = env.context().tag;
            k.addFinding(kind, env.cpu(), "BUG: spinlock " + msg + " on CPU#" + env.cpu() + ", "
                    + k.comm(t) + "/" + k.pid(t), k.kernelStack(env.context()));
            return 0;
        });
        table.put("__spinlab_report_rwlock_bug", (env, a) -> {
            String msg = new String(env.memory().cString(a[0], 64), StandardCharsets.UTF_8);
            String kind = msg.contains("recursion") ? "rwlock-recursion"
                    : msg.contains("magic") ? "rwlock-bad-magic" : "rwlock-wrong-owner";
            long t = env.context().tag;
            k.addFinding(kind, env.cpu(), "BUG: rwlock " + msg + " on CPU#" + env.cpu() + ", "
                    + k.comm(t) + "/" + k.pid(t), k.kernelStack(env.context()));
            return 0;
        });
        VsprintfIntrinsics.register(table, this::format);
        // kernel/panic.c, kernel/reboot.c: the machine stops by itself; the run ends
        table.put("__spinlab_machine_halt", (env, a) -> {
            String why = new String(env.memory().cString(a[0], 64), StandardCharsets.UTF_8);
            String msg = new String(env.memory().cString(a[1], 1024), StandardCharsets.UTF_8);
            if (!why.equals("panic")) {
                k.log.add(new LogRecord(env.state().timeNs, 0, "spinlab", "spinlab: " + msg));
            }
            k.addFinding(why, env.cpu(), why.equals("panic") ? "Kernel panic - not syncing: " + msg : msg,
                    k.kernelStack(env.context()));
            k.halted = why;
            return 0;
        });
        table.put("__spinlab_report_preempt_leak", (env, a) -> {
            long t = env.context().tag;
            String msg = String.format("%s/%d returned to user space with preempt_count %08x "
                    + "(a spinlock or preempt_disable() leaked out of a system call)", k.comm(t), k.pid(t), a[0]);
            k.log.add(new LogRecord(env.state().timeNs, 3, "spinlab", "spinlab: " + msg));
            k.addFinding("preempt-leak-to-user", env.cpu(), msg, List.of());
            return 0;
        });
    }

    /*
     * pr_cont(): the text joins the open line (printk's record stays open until a newline,
     * kernel/printk/printk.c), keeping that line's time and level; what follows a newline in it
     * starts new lines.
     */
    private void continueLine(String text) {
        LogRecord last = k.log.remove(k.log.size() - 1);
        String[] parts = text.split("\n", -1);
        k.log.add(new LogRecord(last.timeNs(), last.level(), last.source(), last.text() + parts[0]));
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                k.log.add(new LogRecord(k.state.timeNs, last.level(), last.source(), parts[i]));
            }
        }
    }

    private dev.spinlab.lockdep.Lockdep lockdep(CallEnv env) {
        k.lockdepHost.env = env;
        return k.lockdep;
    }

    private void irqsTo(CallEnv env, int on) {
        int cpu = env.cpu();
        int was = env.state().irqEnabled[cpu];
        if (on != 0 && was == 0 && k.lockdep.active()) {
            lockdep(env).hardirqsOn();
        }
        env.state().irqEnabled[cpu] = on;
        if (on == 0 && was != 0 && k.lockdep.active()) {
            lockdep(env).hardirqsOff();
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
            return (env, a) -> {
                MachineState outer = k.stepping;
                k.stepping = env.state();
                try {
                    return kernel.call(env, a);
                } finally {
                    k.stepping = outer;
                }
            };
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

    private String lastLine() {
        return lastLine("BUG: soft lockup");
    }

    private String lastLine(String needle) {
        for (int i = k.log.size() - 1; i >= 0; i--) {
            if (k.log.get(i).isKernel() && k.log.get(i).text().contains(needle)) {
                return k.log.get(i).text();
            }
        }
        return "";
    }

    /** Kernel log lines that report a bug become findings, with the stack at the report. */
    private void classify(CallEnv env, String text) {
        String kind = null;
        if (text.startsWith("BUG: scheduling while atomic")) {
            kind = "scheduling-while-atomic";
        } else if (text.startsWith("BUG: sleeping function called from invalid context")) {
            kind = "sleep-in-atomic";
        }
        if (kind != null) {
            k.addFinding(kind, env.cpu(), text.strip(), k.kernelStack(env.context()));
        }
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
        classify(env, text);
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
            if (ext == 'S' || ext == 's' || ext == 'B') {
                return k.symbols.symbolize(p);
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
        k.tainted = true;   // kernel/panic.c __warn(): add_taint() after the report, so the first WARN says "Not tainted"
        sb.append("---[ end trace 0000000000000000 ]---");
        k.printk(4, sb.toString(), env.cpu());
        k.addFinding("warning", env.cpu(), head, k.kernelStack(env.context()));
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
                k.tainted ? "Tainted: G        W         " : "Not tainted"));
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
