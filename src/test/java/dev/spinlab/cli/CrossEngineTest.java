package dev.spinlab.cli;

import dev.spinlab.check.KState;
import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.check.KernelModel;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kernel.Choice;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

/**
 * run and check step through one transition function (kernel.Transition): every run golden
 * of the scenario corpus (examples/ and src/test/resources/scenarios/, the cases whose args do
 * not start with check) is run with its choices recorded, and the same choices are then taken
 * one by one through check's path (KernelModel.apply on copied states, with footprints and the
 * path's lockdep state) on a second kernel booted the same way. Both must print the same log,
 * timestamps included, and report the same findings.
 */
class CrossEngineTest {
    @TestFactory
    Stream<DynamicTest> runGoldensReplayThroughChecksPath() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path root : List.of(Path.of("examples"), Path.of("src/test/resources/scenarios"))) {
            try (Stream<Path> dirs = Files.list(root)) {
                for (Path dir : dirs.sorted().toList()) {
                    Path golden = dir.resolve("golden");
                    if (!Files.isDirectory(golden)) {
                        continue;
                    }
                    try (Stream<Path> cases = Files.list(golden)) {
                        for (Path args : cases.filter(p -> p.toString().endsWith(".args")).sorted().toList()) {
                            List<String> words = words(args);
                            if (!words.isEmpty() && (words.get(0).equals("check") || words.get(0).equals("replay"))
                                    || words.contains("--no-kernel") || refused(args)
                                    || !ONLY.isEmpty() && !ONLY.contains(dir.getFileName().toString())) {
                                continue;
                            }
                            String name = dir.getFileName() + "/" + args.getFileName().toString().replace(".args", "");
                            tests.add(DynamicTest.dynamicTest(name, args.toUri(), () -> sameRunBothWays(dir, words)));
                        }
                    }
                }
            }
        }
        // the whole corpus, or at least one case of the directories -Dscenario names
        assertThat(tests).as("run goldens in the corpus").hasSizeGreaterThan(ONLY.isEmpty() ? 20 : 0);
        return tests.stream();
    }

    private static List<String> words(Path args) throws IOException {
        List<String> out = new ArrayList<>();
        for (String w : Files.readString(args).trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    /** -Dscenario=NAME[,NAME...]: only those scenario directories (as ScenarioTest). */
    private static final List<String> ONLY = System.getProperty("scenario", "").isBlank() ? List.of()
            : List.of(System.getProperty("scenario").split(","));

    /** Cases whose golden is bad input (a compile error, a refused manifest) have no run to compare. */
    private static boolean refused(Path args) throws IOException {
        Path expected = Path.of(args.toString().replace(".args", ".expected"));
        return Files.exists(expected) && Files.readString(expected).endsWith("[spinlab exit 2]\n");
    }

    private static Kernel boot(Path dir, List<String> words) {
        RunCommand cmd = new RunCommand();
        List<String> argv = new ArrayList<>(List.of(dir.toString()));
        argv.addAll(words);
        new CommandLine(cmd).parseArgs(argv.toArray(new String[0]));
        List<Diagnostic> diags = new ArrayList<>();
        return RunCommand.boot(cmd.inputs(), new SourceMap(), diags);
    }

    private static void sameRunBothWays(Path dir, List<String> words) {
        Kernel byRun = boot(dir, words);
        List<Choice> choices = new ArrayList<>();
        Simulation.Result r = new Simulation(byRun).record(choices::add).run();

        Kernel byCheck = boot(dir, words);
        KernelModel model = KernelModel.asRun(byCheck, byCheck.state());
        KState s = model.initial();
        int taken = 0;
        for (Choice c : choices) {
            s = model.apply(s, c);
            taken++;
            if (s.violation() != null) {
                break;
            }
        }
        byCheck.flushOutput();

        assertThat(taken).as("choices taken through check's path (stopped by %s)", s.violation()).isEqualTo(choices.size());
        assertThat(s.machine().steps).as("steps").isEqualTo(r.steps());
        assertThat(s.machine().timeNs).as("clock").isEqualTo(r.timeNs());
        assertThat(byCheck.log()).as("kernel log").containsExactlyElementsOf(byRun.log());
        assertThat(byCheck.findings()).as("findings").containsExactlyElementsOf(byRun.findings());
    }
}
