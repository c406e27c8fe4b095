package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgramArgTest {
    @Test
    void wordsSplitAtSpacesOutsideDoubleQuotes() {
        assertThat(ProgramArg.words("m.c whom=\"big world\" times=2"))
                .containsExactly("m.c", "whom=\"big world\"", "times=2");
        assertThat(ProgramArg.words("a   b\tc")).containsExactly("a", "b", "c");
        assertThat(ProgramArg.words("\"a b\" c")).containsExactly("\"a b\"", "c");
    }

    @Test
    void moduleParametersKeepTheirQuotesForNextArg() {
        ProgramArg pa = ProgramArg.parse("greet.c whom=\"big world\"");
        assertThat(pa.program()).isEqualTo("greet.c");
        assertThat(pa.args()).containsExactly("whom=\"big world\"");
    }

    @Test
    void programArgvLosesTheQuotesAsAShellWould() {
        ProgramArg pa = ProgramArg.parse("p:prog.c \"two words\" x");
        assertThat(pa.name()).isEqualTo("p");
        assertThat(pa.argv()).isEqualTo(List.of("prog.c", "two words", "x"));
    }
}
