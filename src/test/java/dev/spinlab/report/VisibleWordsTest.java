package dev.spinlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VisibleWordsTest {
    @Test
    void runsOfConsecutiveWordsRoundTrip() {
        List<Long> words = List.of(0x20fcL, 0x20fdL, 0x20feL, 0x2104L, 0x13bd1L);
        String text = VisibleWords.encode(words);
        assertThat(text).isEqualTo("20fc:3,2104:1,13bd1:1");
        assertThat(VisibleWords.decode(text)).isEqualTo(words);
        assertThat(VisibleWords.decode(VisibleWords.encode(List.of()))).isEmpty();
    }

    @Test
    void aStringThatIsNoListIsAClearError() {
        assertThatThrownBy(() -> VisibleWords.decode("20fc:3,zz"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'zz'");
        assertThatThrownBy(() -> VisibleWords.decode("20fc:0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
