package dev.spinlab.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's template and data without a kernel: escaping, the context read from preempt_count, the command line. */
class HtmlReportTest {
    private static HtmlModel.Step step(String text) {
        return new HtmlModel.Step(0, false, "a", false, "task", false, false, 0, true, text, -1, null, null, 0, null);
    }

    @Test
    void dataThatLooksLikeMarkupStaysData() throws Exception {
        String evil = "</script><script>alert(1)</script><!--";
        HtmlModel.Timeline t = new HtmlModel.Timeline("t", "deadlock", evil, null, 0, List.of(step(evil)), List.of(),
                List.of(), 1, null, -1, null);
        HtmlModel.Page p = new HtmlModel.Page("spinlab check", "spinlab check <x>", "s", 1, List.of(t), List.of(),
                List.of(), Map.of("a.c", Map.of(1, "if (a < b && c > d) /* </script> */")));
        String html = HtmlReport.render(p);
        // one data element, closed once, and the only scripts are the page's own two
        assertThat(html.split("</script>", -1)).hasSize(3);
        assertThat(html).contains("<title>spinlab check: spinlab check &lt;x&gt;</title>");
        int from = html.indexOf("id=\"data\">") + "id=\"data\">".length();
        JsonNode d = new ObjectMapper().readTree(html.substring(from, html.indexOf("</script>", from)));
        assertThat(d.get("timelines").get(0).get("steps").get(0).get("text").asText()).isEqualTo(evil);
        assertThat(d.get("sources").get("a.c").get("1").asText()).isEqualTo("if (a < b && c > d) /* </script> */");
    }

    @Test
    void theContextIsReadFromPreemptCountAsTheKernelDoes() {
        assertThat(TimelineBuilder.context(0)).isEqualTo("task");
        assertThat(TimelineBuilder.context(0x1)).isEqualTo("task");
        assertThat(TimelineBuilder.context(0x200)).isEqualTo("task"); // bottom halves disabled, not serving one
        assertThat(TimelineBuilder.context(0x101)).isEqualTo("softirq");
        assertThat(TimelineBuilder.context(0x10101)).isEqualTo("hardirq");
        assertThat(TimelineBuilder.context(0x100000)).isEqualTo("nmi");
        assertThat(TimelineBuilder.irqContext(2)).isEqualTo("hardirq");
        assertThat(TimelineBuilder.irqContext(1)).isEqualTo("softirq");
        assertThat(TimelineBuilder.irqContext(0)).isEqualTo("task");
    }

    @Test
    void theCommandIsShownAsTyped() {
        assertThat(HtmlReport.command(List.of("run", "--cpus", "1", "a.c myint=-3", "it's")))
                .isEqualTo("spinlab run --cpus 1 'a.c myint=-3' 'it'\\''s'");
    }
}
