package dev.spinlab.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.KernelConfig;
import dev.spinlab.machine.PrivateMemory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The owners the interpreter names for the private-data monitor: an interrupt handler that
 * lands on a task runs on the task's context, one exception deeper, and must be a flow of its
 * own — the task and its handler can interleave at any visible step, so a word both touch is
 * shared. (With one owner per context, lost-update's counter would stay hidden.)
 */
class PrivateOwnersTest {
    /** Records, per named object of the module, the owners that touched it. */
    static final class Recorder implements PrivateMemory {
        final Kernel k;
        final Map<Long, String> names = new HashMap<>();
        final Map<String, Set<Long>> owners = new HashMap<>();

        Recorder(Kernel k) {
            this.k = k;
        }

        @Override
        public boolean access(long owner, long addr, long size, boolean write) {
            String name = names.computeIfAbsent(addr >> 3, w -> String.valueOf(k.symbolizer().objectName(w << 3)));
            owners.computeIfAbsent(name, n -> new TreeSet<>()).add(owner);
            return false; // hide nothing: every interleaving stays, only the owners are heard
        }

        @Override
        public void unknown(long owner, String what) {
        }
    }

    @Test
    void aHandlerOnATasksStackIsAnotherFlowThanTheTask() {
        Path dir = Path.of("src/test/resources/check/reductions/lost-update");
        KernelModel model = CheckScenarios.boot(1, List.of(), List.of(new KernelConfig.IrqDevice(5, 1)),
                List.of(dir.resolve("lostupd.c")), List.of(new Kernel.Program("adder", List.of(dir.resolve("adder.c")))));
        model.initial();
        Recorder rec = new Recorder(model.kernel());
        model.kernel().interpreter().setPrivateMemory(rec);
        Explorer.Result<KState> r = new Explorer<>(model, new Explorer.Bounds(200_000, 100_000, Long.MAX_VALUE, 1)).bfs();
        assertThat(r.boundHit()).isNull();
        Set<Long> count = rec.owners.get("count");
        assertThat(count).as("owners of count: %s", rec.owners).isNotNull();
        // the handler, one exception deeper on some context, and the task writing it at depth 0
        assertThat(count.stream().map(o -> o & 0xff)).contains(0L, 1L);
        // and on the adder's own context both depths appear: the handler landed on the adder
        assertThat(count.stream().filter(o -> (o & 0xff) == 1).map(o -> o >> 8))
                .anyMatch(ctx -> count.contains(PrivateMemory.owner(ctx.intValue(), 0)));
        // irq_seen is written by the handler only: whichever context it interrupted, at depth 1
        assertThat(rec.owners.get("irq_seen").stream().filter(o -> (o & 0xff) == 1)).isNotEmpty();
    }
}
