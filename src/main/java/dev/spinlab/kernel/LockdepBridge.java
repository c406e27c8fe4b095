package dev.spinlab.kernel;

import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.IrFunction;
import dev.spinlab.kc.ir.Op;
import dev.spinlab.lockdep.LockdepHost;
import dev.spinlab.machine.CallEnv;
import dev.spinlab.machine.ExecContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The kernel as lockdep sees it during one intrinsic call (env is set before each call). */
final class LockdepBridge implements LockdepHost {
    private final Kernel k;
    CallEnv env;

    LockdepBridge(Kernel k) {
        this.k = k;
    }

    @Override
    public long currentTask() {
        return env.context().tag;
    }

    @Override
    public String comm(long task) {
        return k.comm(task);
    }

    @Override
    public int pid(long task) {
        return k.pid(task);
    }

    @Override
    public int preemptCount() {
        return env.state().preemptCount[env.cpu()];
    }

    /** PREEMPT_RT: softirqs run in task context, lockdep keeps no softirq context there. */
    @Override
    public boolean softirqContextTracked() {
        return k.config().preempt() != PreemptModel.RT;
    }

    @Override
    public boolean irqsEnabled() {
        return env.state().irqEnabled[env.cpu()] != 0;
    }

    @Override
    public long load(long addr, int size) {
        return env.memory().load(addr, size, false);
    }

    @Override
    public boolean debugLocks() {
        long a = k.global("debug_locks");
        env.accessed(a, 4, false);
        return env.memory().load(a, 4, false) != 0;
    }

    @Override
    public boolean debugLocksOff() {
        long a = k.global("debug_locks");
        env.accessed(a, 4, false);
        if (env.memory().load(a, 4, false) == 0) {
            return false;
        }
        env.memory().store(a, 4, 0);
        env.accessed(a, 4, true);
        return true;
    }

    @Override
    public String cString(long addr) {
        return addr == 0 ? null : new String(env.memory().cString(addr, 256), StandardCharsets.UTF_8);
    }

    @Override
    public String objectName(long addr) {
        return k.symbols.objectName(addr);
    }

    @Override
    public long ip(int up) {
        ExecContext ctx = env.context();
        int i = ctx.depth() - 1 - up;
        if (i < 0) {
            return 0;
        }
        // a guard's constructor/destructor (<linux/cleanup.h>) is inlined in the kernel: the
        // lock is taken "at" the function holding the guard, so its frame stands for them
        while (i > 0 && isInlinedHelper((int) ctx.frame(i, ExecContext.F_FN))) {
            i--;
        }
        int fn = (int) ctx.frame(i, ExecContext.F_FN);
        int pc = (int) ctx.frame(i, ExecContext.F_PC);
        boolean interrupted = (ctx.frame(i + 1 < ctx.depth() ? i + 1 : i, ExecContext.F_FLAGS)
                & ExecContext.FLAG_EXCEPTION) != 0 && i + 1 < ctx.depth();
        if (i < ctx.depth() - 1 && !interrupted) {
            pc = Math.max(0, pc - Op.WIDTH); // a caller's pc is past its call: point at the call
        }
        return CodeSpace.address(fn) + pc / Op.WIDTH * 4L;
    }

    private boolean isInlinedHelper(int fn) {
        var e = fn > 0 && fn < k.code.size() ? k.code.entry(fn) : null;
        return e != null && e.fn() != null && dev.spinlab.kc.ir.Linker.isCleanupHelperName(e.fn().name);
    }

    @Override
    public String symbol(long ip) {
        if (ip == 0) {
            return "0x0";
        }
        int id = k.code.idOf(ip - (ip - CodeSpace.TEXT_BASE) % CodeSpace.TEXT_STRIDE);
        if (id > 0 && k.code.entry(id).fn() != null) {
            IrFunction f = k.code.entry(id).fn();
            long off = (ip - CodeSpace.TEXT_BASE) % CodeSpace.TEXT_STRIDE;
            String mod = k.symbols.moduleOf(f.locAt(0).file());
            return String.format("%s+0x%x/0x%x%s", f.name, off, Math.max(f.instructionCount() * 4, 4),
                    mod != null ? " [" + mod + "]" : "");
        }
        return k.symbols.symbolize(ip);
    }

    @Override
    public List<StackEntry> stack() {
        return k.kernelStack(env.context());
    }

    @Override
    public List<String> traceLines() {
        List<String> out = new ArrayList<>();
        for (StackEntry e : k.kernelStack(env.context())) {
            out.add(k.intrinsics.frame(e) + " (" + e.loc().file() + ":" + e.loc().line() + ")");
        }
        return out;
    }

    @Override
    public String dumpStack() {
        return k.intrinsics.dump(env, env.context(), false);
    }

    @Override
    public String kernelIdent() {
        return "6.6.0-spinlab #1 " + (k.tainted(env.state()) ? "Tainted: G        W" : "Not tainted");
    }

    /** The last report printed, for the finding that follows it. */
    private String lastPrinted;

    @Override
    public void print(String text) {
        lastPrinted = text;
        k.printkLines(4, text);
    }

    @Override
    public StackEntry frameAt(long ip) {
        long base = CodeSpace.address(0);
        long stride = CodeSpace.address(1) - base;
        if (ip < base) {
            return null;
        }
        long id = (ip - base) / stride;
        if (id >= k.code.size()) {
            return null;
        }
        IrFunction f = k.code.entry((int) id).fn();
        if (f == null) {
            return null;
        }
        int pc = (int) ((ip - CodeSpace.address((int) id)) / 4 * Op.WIDTH);
        return new StackEntry(f.name, f.locAt(pc), pc / Op.WIDTH * 4, f.instructionCount() * 4, false);
    }

    @Override
    public void finding(String kind, String message, List<StackEntry> stack) {
        finding(kind, message, stack, List.of());
    }

    @Override
    public void finding(String kind, String message, List<StackEntry> stack, List<String> locks) {
        k.addFinding(FindingKind.byId(kind), env.cpu(), message, stack, locks, lastPrinted);
    }

    @Override
    public void finding(String kind, String message, List<StackEntry> stack, List<String> locks,
                        List<dev.spinlab.lockdep.LockSite> sites) {
        k.addFinding(FindingKind.byId(kind), env.cpu(), message, stack, locks, lastPrinted, sites);
    }
}
