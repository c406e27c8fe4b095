package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User processes against the model kernel: syscalls, character devices, fork, exit codes. */
class KernelProcessTest {
    static final Path DIR = Path.of("src/test/resources/kernel/proc");

    record Run(Kernel kernel, Simulation.Result result) {
        List<String> output() {
            // pids depend on how many kernel threads boot creates: compare without them
            return kernel.log().stream().filter(l -> !l.isKernel())
                    .map(l -> l.source().replaceAll("/\\d+$", "") + "> " + l.text()).toList();
        }
    }

    static Run run(int cpus, List<Path> modules, List<Kernel.Program> programs) {
        KernelConfig c = new KernelConfig(cpus, PreemptModel.VOLUNTARY, 1, 30_000_000_000L, 1000, 50_000_000L,
                PreprocessorOptions.defaults());
        Kernel k = Kernel.boot(c, modules, programs, new SourceMap(), new ArrayList<>());
        return new Run(k, new Simulation(k).run());
    }

    @Test
    void readWriteIoctlOnAMiscDeviceAndErrno() {
        Run r = run(2, List.of(DIR.resolve("echo_dev.c")),
                List.of(new Kernel.Program("u", List.of(DIR.resolve("echo_user.c")))));
        assertThat(r.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
        assertThat(r.output()).containsExactly(
                "u> read 8 bytes: spinlock, ioctl says 8",
                "u> ioctl 7: errno 25",
                "u> lseek set 5, cur 7, end -1 errno 22",
                "u> open /dev/nothere: No such file or directory");
        assertThat(r.kernel().findings()).isEmpty();
        assertThat(r.kernel().log()).extracting(LogRecord::text).contains("echo: registered");
    }

    @Test
    void aProgramIsUserCodeHoweverItsPathIsSpelt() {
        // the user-steps reduction and the reports tell user code by its functions' file, which
        // is the normalized path; a program given as ./dir/../dir/p.c once was not user code
        Path spelt = Path.of(".").resolve(DIR).resolve("../proc/echo_user.c");
        Run r = run(1, List.of(DIR.resolve("echo_dev.c")), List.of(new Kernel.Program("u", List.of(spelt))));
        dev.spinlab.kc.ir.CodeSpace code = r.kernel().interpreter().code();
        List<dev.spinlab.kc.ir.IrFunction> mains = new ArrayList<>();
        for (int id = 0; id < code.size(); id++) {
            dev.spinlab.kc.ir.IrFunction fn = code.entry(id).fn();
            if (fn != null && fn.name.equals("main")) {
                mains.add(fn);
            }
        }
        assertThat(mains).isNotEmpty().allSatisfy(fn -> assertThat(r.kernel().isUserCode(fn.file)).as(fn.file).isTrue());
    }

    @Test
    void forkCopiesTheStackAndBothProcessesReportTheirExit() {
        for (int cpus = 1; cpus <= 2; cpus++) {
            Run r = run(cpus, List.of(), List.of(new Kernel.Program("p", List.of(DIR.resolve("fork.c")))));
            assertThat(r.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
            assertThat(r.output()).anyMatch(l -> l.matches("p> child: pid \\d+ local 105 via pointer 105"))
                    .anyMatch(l -> l.matches("p> parent: child pid \\d+, my local 5"));
            List<Kernel.Process> ps = r.kernel().userProcesses();
            assertThat(ps).hasSize(2);
            assertThat(ps.get(0).forked).isFalse();
            assertThat(ps.get(0).exitCode).isZero();
            assertThat(ps.get(1).forked).isTrue();
            assertThat(ps.get(1).exitCode).isEqualTo(3);
            assertThat(r.kernel().findings()).isEmpty();
        }
    }

    @Test
    void aUserSpaceFaultKillsTheProcessAndAKernelFaultIsAnOops() {
        Run user = run(1, List.of(), List.of(new Kernel.Program("n",
                List.of(Path.of("examples/c/null_deref.c")))));
        assertThat(user.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
        assertThat(user.kernel().userProcesses().get(0).killedBySignal).isEqualTo(11);
        assertThat(user.kernel().findings()).extracting(f -> f.kind().id).containsExactly("user-fault");

        Run kernel = run(1, List.of(DIR.resolve("oops_dev.c")),
                List.of(new Kernel.Program("o", List.of(DIR.resolve("oops_user.c")))));
        assertThat(kernel.result().end()).isEqualTo(Simulation.End.OOPS);
        Finding oops = kernel.kernel().findings().get(0);
        assertThat(oops.kind()).isEqualTo(FindingKind.OOPS);
        // typed: the driver's frame, and the context of the report
        assertThat(oops.where().function()).isEqualTo("oops_ioctl");
        assertThat(oops.where().file()).endsWith("oops_dev.c");
        assertThat(oops.context().task()).isEqualTo("o");
        assertThat(oops.context().irqsEnabled()).isTrue();
        assertThat(oops.message()).isEqualTo("BUG: kernel NULL pointer dereference, address: 0000000000000000");
        assertThat(oops.stack()).extracting(e -> e.function()).startsWith("oops_ioctl", "__x64_sys_ioctl");
        assertThat(kernel.output()).containsExactly("o> ioctl...");
    }
}
