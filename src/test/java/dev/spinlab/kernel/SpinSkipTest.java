package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * run's skip of busy-wait rounds (SpinSkip): a run that skips them prints the same log at the
 * same times and finds the same as one that steps every round, in far fewer steps; a loop
 * that counts its rounds or spins on the clock is stepped round by round all the same. The
 * kernel's own delays (mdelay) wait out their time and end then.
 */
class SpinSkipTest {

    private static Path resource(String name) {
        try {
            return Path.of(SpinSkipTest.class.getResource("/kernel/spin/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(List<String> log, List<String> findings, Simulation.Result result) {}

    private static Run run(boolean skip) {
        KernelConfig config = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 2_000_000_000L, 1, 20_000_000L,
                PreprocessorOptions.defaults());
        Kernel k = Kernel.boot(config, List.of(resource("poll.c")),
                List.of(new Kernel.Program("poller", List.of(resource("poller.c")))), new SourceMap(), new ArrayList<>());
        Simulation sim = new Simulation(k);
        if (!skip) {
            sim.withoutSpinSkip();
        }
        Simulation.Result r = sim.run();
        List<String> log = k.log().stream().map(l -> l.timeNs() + " " + l.text()).toList();
        return new Run(log, k.findings().stream().map(f -> f.kind().id).toList(), r);
    }

    @Test
    void skippingRoundsChangesNothingButTheSteps() {
        Run skipped = run(true);
        Run stepped = run(false);
        assertThat(skipped.result().end()).isEqualTo(Simulation.End.ALL_EXITED);
        // to the nanosecond: the event is met at the step boundary where going round meets it
        assertThat(skipped.log()).containsExactlyElementsOf(stepped.log());
        assertThat(skipped.findings()).isEqualTo(stepped.findings()).isEmpty();
        assertThat(skipped.result().timeNs()).isEqualTo(stepped.result().timeNs());
        // the plain poll's 20 ms are 200,000 rounds of 100 ns when stepped
        assertThat(stepped.result().steps()).isGreaterThan(200_000);
        assertThat(skipped.result().steps()).isLessThan(stepped.result().steps() - 150_000);
    }

    @Test
    void loopsThatChangeSomethingEachRoundAreStepped() {
        Run skipped = run(true);
        // counting rounds changes a register each round: 20 ms of them are counted, not skipped
        String counted = skipped.log().stream().filter(l -> l.contains("cmd 1 saw the flag")).findFirst().orElseThrow();
        long rounds = Long.parseLong(counted.replaceAll(".* after (\\d+) counted rounds", "$1"));
        assertThat(rounds).isGreaterThan(10_000);
        // a loop on local_clock() of the driver's own: it takes its 300 us, not until the next tick
        assertThat(took(skipped, "a 300 us clock loop took")).isBetween(300_000L, 301_000L);
    }

    @Test
    void theKernelsDelaysEndAtTheirTimeNotAtTheNextTick() {
        Run r = run(true);
        // mdelay(3) ends at the first step boundary at or after its 3 ms (after the ioctl's own
        // steps before it, mod_timer among them), not at the next tick 10 ms on
        assertThat(took(r, "mdelay(3) took")).isBetween(3_000_000L, 3_010_000L);
    }

    private static long took(Run r, String what) {
        String line = r.log().stream().filter(l -> l.contains(what)).findFirst().orElseThrow();
        return Long.parseLong(line.replaceAll(".* took (\\d+) ns", "$1"));
    }
}
