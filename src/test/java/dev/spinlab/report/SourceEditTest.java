package dev.spinlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mechanical changes of fix advice, on sources laid out as kernel drivers are. */
class SourceEditTest {
    static final List<String> PKT = """
            #define process_lock(l) spin_lock(l)
            static long ct_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
            {
                unsigned long v;
                if (cmd != 1)
                    return -ENOTTY;
                process_lock(&count_lock);
                v = rx_packets;
                if (v > 10) {
                    process_unlock(&count_lock);
                    return -EBUSY;
                }
                process_unlock(&count_lock);
                return 0;
            }

            static void other(void)
            {
                spin_unlock(&count_lock);
            }
            """.lines().toList();

    @Test
    void aVariantReplacesTheAcquisitionAndEveryReleaseInTheFunctionOnly() {
        SourceEdit e = new SourceEdit.Variant("d.c", "ct_ioctl", 7, "count_lock", "spin_lock_bh", "spin_unlock_bh");
        List<String> out = e.apply(PKT);
        assertThat(out.get(6)).isEqualTo("    spin_lock_bh(&count_lock);");
        assertThat(out.get(9)).isEqualTo("        spin_unlock_bh(&count_lock);");
        assertThat(out.get(12)).isEqualTo("    spin_unlock_bh(&count_lock);");
        assertThat(out.get(18)).as("another function is left alone").isEqualTo("    spin_unlock(&count_lock);");
        assertThat(out).hasSameSizeAs(PKT);
    }

    @Test
    void anInterruptedLineFindsTheAcquisitionAboveIt() {
        // the function was at line 8 when the softirq came; the handler's line 7 says which lock
        SourceEdit e = new SourceEdit.HandlerVariant("d.c", "ct_ioctl", 8, 7, "spin_lock_bh", "spin_unlock_bh");
        assertThat(e.apply(PKT).get(6)).isEqualTo("    spin_lock_bh(&count_lock);");
    }

    @Test
    void aLockOrderMovesTheInnerAcquisitionAboveTheOuter() {
        List<String> src = """
                static long read_stats(void)
                {
                    long n;
                    spin_lock(&stats_lock);
                    nr_reads++;
                    spin_lock(&list_lock);  /* the inverse order */
                    n = nr_items;
                    spin_unlock(&list_lock);
                    spin_unlock(&stats_lock);
                    return n;
                }
                """.lines().toList();
        List<String> out = new SourceEdit.Order("a.c", "read_stats", 6, "&list_lock", "&stats_lock").apply(src);
        assertThat(out.subList(3, 6)).containsExactly("    spin_lock(&list_lock);  /* the inverse order */",
                "    spin_lock(&stats_lock);", "    nr_reads++;");
        assertThat(out).hasSameSizeAs(src);
    }

    @Test
    void aSourceNotShapedAsExpectedIsNotApplicableWithTheReason() {
        assertThatThrownBy(() -> new SourceEdit.Variant("d.c", "other", 19, "count_lock", "spin_lock_bh",
                "spin_unlock_bh").apply(PKT)).isInstanceOf(SourceEdit.NotApplicable.class).hasMessageContaining("takes no");
        List<String> twoOnALine = List.of("void f(void)", "{", "    spin_lock(&a); spin_lock(&b);", "}");
        assertThatThrownBy(() -> new SourceEdit.Order("x.c", "f", 3, "&b", "&a").apply(twoOnALine))
                .isInstanceOf(SourceEdit.NotApplicable.class).hasMessageContaining("not a statement of its own line");
    }

    @Test
    void lockClassesNameTheirExpressions() {
        assertThat(SourceEdit.lockExpression("&ct.lock")).isEqualTo("ct.lock");
        assertThat(SourceEdit.lockExpression("&dev->lock#2")).isEqualTo("dev->lock");
        assertThat(SourceEdit.matches(" &ct.lock ", "&ct.lock")).isTrue();
        assertThat(SourceEdit.matches("&priv->lock", "&lock")).isTrue();
        assertThat(SourceEdit.matches("&other_lock", "&lock")).isFalse();
    }
}
