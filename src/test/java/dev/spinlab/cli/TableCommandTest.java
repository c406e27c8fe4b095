package dev.spinlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TableCommandTest {
    private record Run(int code, String out, String err) {}

    private static Run table(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] argv = new String[args.length + 1];
        argv[0] = "table";
        System.arraycopy(args, 0, argv, 1, args.length);
        int code = Main.execute(argv, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** --preempt rt derives the PREEMPT_RT table: a threaded irq handler needs only spin_lock against a task. */
    @Test
    void theRtTableIsDerivedWithRtSemantics() throws Exception {
        Run r = table("--preempt", "rt", "--why", "user,hardirq-A", "--format", "json", "--threads", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("preempt").asText()).isEqualTo("rt");
        // one CPU by default under RT (the two-CPU RT searches reach the bound)
        assertThat(j.get("cells")).hasSize(1);
        JsonNode cell = j.get("cells").get(0);
        assertThat(cell.get("cpus").asInt()).isEqualTo(1);
        assertThat(cell.get("primitive").asText()).isEqualTo("spin_lock");
        assertThat(cell.get("attempts").get(0).get("findings").get(0).asText()).isEqualTo("data-race");
        assertThat(cell.get("attempts").get(1).get("report").asText()).contains("(1 CPU, preempt rt)");
    }

    @Test
    void badCellsAndCpuCountsAreBadInput() {
        assertThat(table("--why", "user").err()).contains("expected two contexts separated by a comma");
        assertThat(table("--why", "user,nmi").err()).contains("'nmi': unknown context");
        assertThat(table("--cpus", "3").err()).isEqualTo("spinlab table: --cpus must be 1 or 2, got 3\n");
        assertThat(table("--cpus", "3").code()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void oneCellAsJson() throws Exception {
        Run r = table("--why", "tasklet-A,tasklet-A", "--cpus", "1", "--format", "json", "--threads", "1");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.CLEAN);
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode cell = j.get("cells").get(0);
        assertThat(cell.get("row").asText()).isEqualTo("tasklet-A");
        assertThat(cell.get("cpus").asInt()).isEqualTo(1);
        assertThat(cell.get("primitive").asText()).isEqualTo("none");
        assertThat(cell.get("attempts").get(0).get("verdict").asText()).isEqualTo("ok");
    }
}
