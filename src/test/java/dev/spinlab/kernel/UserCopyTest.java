package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.pp.PreprocessorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user-copy functions over the fault-safe primitives (lib/usercopy.c,
 * UserAccessIntrinsics): what each returns for ranges that end part way, as Linux documents
 * it; and a bad kernel buffer is still an oops. The system calls' -EFAULT is the scenario
 * src/test/resources/scenarios/efault.
 */
class UserCopyTest {
    static final Path DIR = Path.of("src/test/resources/kernel/usercopy");

    static Kernel boot(String module) {
        KernelConfig c = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 1_000_000_000L, 1000, 50_000_000L,
                PreprocessorOptions.defaults());
        Kernel k = Kernel.boot(c, List.of(DIR.resolve(module)), List.of(), new SourceMap(), new ArrayList<>());
        new Simulation(k).run();
        return k;
    }

    @Test
    void eachFunctionReturnsWhatLinuxReturnsAtTheEdgeOfMappedMemory() {
        Kernel k = boot("usercopy_edges.c");
        assertThat(k.findings()).isEmpty();
        List<String> log = k.log().stream().map(LogRecord::text).toList();
        assertThat(log).containsSubsequence(
                // count reached: count, and dst is not terminated
                "strncpy_from_user count 4: 4, k[3] = d",
                // no NUL before the end of the mapping
                "strncpy_from_user past the end: -14",
                "strncpy_from_user of \"abcde\": 5",
                "strncpy_from_user count 0: 0",
                // length with the NUL; count + 1 when longer; 0 on a fault
                "strnlen_user: 6, count 3: 4, past the end: 0, NULL: 0",
                // the bytes left, and the kernel buffer's tail zeroed (only up to n)
                "copy_from_user 8 from the last 4: left 4, k = efgh 0 0 0 0, k[8] = x",
                "copy_from_user from the top of the address space: left 4",
                // what could be copied was copied
                "copy_to_user 5 to the last 2: left 3, u[6..7] = 12",
                "copy_to_user of 0 bytes to u: left 0",
                // a fault part way: -EFAULT and x = 0
                "get_user short at the last byte: -14, value 0",
                "get_user long: 0, same as *u: 1",
                "__get_user at NULL: -14",
                "put_user at u + 6 of a long: -14",
                // the model's freed heap bytes are unmapped
                "copy_to_user to a freed block: left 1");
    }

    @Test
    void aKernelBufferTooSmallForTheCopyIsStillAnOops() {
        Kernel k = boot("usercopy_small_kbuf.c");
        assertThat(k.findings()).extracting(f -> f.kind().id).containsExactly("oops");
        assertThat(k.findings().get(0).stack()).extracting(e -> e.function())
                .startsWith("copy_from_user", "small_init");
    }
}
