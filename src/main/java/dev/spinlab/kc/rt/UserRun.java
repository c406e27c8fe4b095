package dev.spinlab.kc.rt;

import dev.spinlab.kc.Frontend;
import dev.spinlab.kc.ast.TranslationUnit;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.interp.Fault;
import dev.spinlab.kc.interp.Interpreter;
import dev.spinlab.kc.ir.CodeSpace;
import dev.spinlab.kc.ir.Linker;
import dev.spinlab.kc.pp.PreprocessorOptions;
import dev.spinlab.machine.ChoiceSource;
import dev.spinlab.machine.ExecContext;
import dev.spinlab.machine.MachineState;
import dev.spinlab.machine.SeededChoices;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/*
 * Implementation notes.
 *
 * Runs user programs (C with main) directly on the machine, each on its own CPU, with the
 * libc intrinsics and no kernel: the engine of the foundation, before the model kernel exists.
 * Which CPU steps next is a seeded choice, so a run with several programs interleaves their
 * visible operations reproducibly. Every program gets its own link namespace (as separate
 * processes have) but shares the machine's memory; there is no MMU in the model.
 */
public final class UserRun {
    /** A program to start: a process name and its source file(s). */
    public record Program(String name, List<Path> sources) {}

    public record Options(int cpus, long seed, long maxSteps, PreprocessorOptions preprocessor) {
        public static Options defaults() {
            return new Options(1, 1, 10_000_000L, PreprocessorOptions.defaults());
        }
    }

    /** What one process did: its output, and how it ended. */
    public record ProcessResult(String name, int contextId, byte[] output, ExecContext.Status status, long exitCode) {}

    /**
     * @param stuck every CPU still running waits for an event that no CPU can send
     */
    public record Result(List<ProcessResult> processes, List<Transcript> transcript, Fault fault,
                         boolean boundReached, boolean stuck, long steps, List<Diagnostic> diagnostics,
                         SourceMap sources) {}

    /** A chunk of output in the order it was produced. */
    public record Transcript(int process, byte[] bytes) {}

    public static final long USER_STACK = 256 * 1024;

    private UserRun() {}

    /** Compiles, links and runs; throws CompileError for bad input. */
    public static Result run(List<Program> programs, Options opt) {
        return run(programs, opt, new SourceMap(), new ArrayList<>());
    }

    /**
     * As {@link #run(List, Options)}, collecting the sources read and the warnings into the given
     * containers, so that a caller can render a CompileError or the warnings with source lines.
     */
    public static Result run(List<Program> programs, Options opt, SourceMap sources, List<Diagnostic> diags) {
        if (programs.size() > opt.cpus()) {
            throw new IllegalArgumentException(programs.size() + " programs need at least " + programs.size()
                    + " CPUs without the model kernel's scheduler (got --cpus " + opt.cpus() + ")");
        }
        Frontend fe = new Frontend(opt.preprocessor(), sources, diags);
        MachineState state = new MachineState(opt.cpus());
        CodeSpace code = new CodeSpace();
        Libc libc = new Libc();
        dev.spinlab.machine.ArchIntrinsics arch = new dev.spinlab.machine.ArchIntrinsics();
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        List<Transcript> transcript = new ArrayList<>();
        List<Integer> ctxOfProgram = new ArrayList<>();
        Interpreter interp = new Interpreter(code, (stepped, ctx, bytes) -> {
            int p = ctxOfProgram.indexOf(ctx.id);
            outs.get(p).writeBytes(bytes);
            transcript.add(new Transcript(p, bytes));
        });
        for (int i = 0; i < programs.size(); i++) {
            Program prog = programs.get(i);
            List<TranslationUnit> units = new ArrayList<>();
            for (Path src : prog.sources()) {
                units.add(fe.compileFile(src));
            }
            Linker.Image image = new Linker(code, state.mem,
                    name -> libc.lookup(name) != null ? libc.lookup(name) : arch.lookup(name)).link(units);
            Long main = image.address("main");
            if (main == null) {
                throw new dev.spinlab.kc.diag.CompileError(null,
                        "undefined reference to 'main' in " + prog.name());
            }
            ExecContext ctx = state.newContext(USER_STACK);
            interp.start(ctx, main);
            state.pushContext(i, ctx.id);
            ctxOfProgram.add(ctx.id);
            outs.add(new ByteArrayOutputStream());
        }
        ChoiceSource choices = new SeededChoices(opt.seed());
        Fault fault = null;
        boolean bound = false;
        boolean stuck = false;
        int[] live = new int[opt.cpus()];
        // A CPU whose last step blocked (wfe with no event) is not chosen again until some
        // CPU makes progress; when every live CPU is blocked, nothing can ever change.
        boolean[] blocked = new boolean[opt.cpus()];
        while (true) {
            int n = 0;
            boolean anyLive = false;
            for (int cpu = 0; cpu < opt.cpus(); cpu++) {
                int cid = state.currentContext(cpu);
                if (cid >= 0 && state.context(cid).status.canRun()) {
                    anyLive = true;
                    if (!blocked[cpu]) {
                        live[n++] = cpu;
                    }
                }
            }
            if (!anyLive) {
                break;
            }
            if (n == 0) {
                stuck = true;
                break;
            }
            if (state.steps >= opt.maxSteps()) {
                bound = true;
                break;
            }
            int cpu = live[choices.choose(n)];
            Interpreter.Outcome o = interp.step(state, cpu);
            if (o == Interpreter.Outcome.FAULTED) {
                fault = interp.lastFault();
                break;
            }
            if (o == Interpreter.Outcome.BLOCKED) {
                blocked[cpu] = true;
            } else {
                java.util.Arrays.fill(blocked, false);
            }
        }
        List<ProcessResult> results = new ArrayList<>();
        for (int i = 0; i < programs.size(); i++) {
            ExecContext ctx = state.context(ctxOfProgram.get(i));
            results.add(new ProcessResult(programs.get(i).name(), ctx.id, outs.get(i).toByteArray(),
                    ctx.status, ctx.exitCode));
        }
        return new Result(results, transcript, fault, bound, stuck, state.steps, diags, sources);
    }
}
