package dev.spinlab.kc.pp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spinlab.kc.diag.SourceMap;
import dev.spinlab.kc.lex.Token;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LexerSpliceTest {
    @Test
    void aContinuationLineMayStartWithPunctuation() {
        String src = "#define BLOCK(x) do { \\\n    x = 1; \\\n} while (0)\nBLOCK(v);\n";
        List<Token> toks = new Preprocessor(PreprocessorOptions.defaults(), new SourceMap(), new ArrayList<>())
                .preprocessString("s.c", src);
        assertThat(toks.stream().map(Token::text).toList())
                .containsExactly("do", "{", "v", "=", "1", ";", "}", "while", "(", "0", ")", ";", "");
    }
}
