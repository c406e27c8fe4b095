package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.cli.Main;
import dev.spinlab.kc.diag.Diagnostic;
import dev.spinlab.kc.diag.SourceMap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network path: the first seed's stack, ping's output, eth0's traffic, probes. */
class NetPathTest {
    /** The seed's frames, innermost first; the model may have more frames in between. */
    static final List<String> SEED_ORDER = List.of("icmp_rcv", "ip_local_deliver", "ip_rcv",
            "__netif_receive_skb_core", "process_backlog", "net_rx_action", "__do_softirq", "do_softirq",
            "local_bh_enable", "dev_queue_xmit", "ip_finish_output", "ip_output", "ip_local_out", "ip_send_skb",
            "ip_push_pending_frames", "raw_sendmsg", "inet_sendmsg", "sock_sendmsg", "__sys_sendto",
            "__x64_sys_sendto");

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {out.toString(), err.toString(), Integer.toString(code)};
    }

    static void assertSubsequence(List<String> frames, List<String> expected) {
        int at = 0;
        for (String want : expected) {
            int found = frames.subList(at, frames.size()).indexOf(want);
            assertThat(found).as("frame %s after position %d in %s", want, at, frames).isGreaterThanOrEqualTo(0);
            at += found + 1;
        }
    }

    @Test
    void pingOnLoopbackIsReceivedInsideTheSendersLocalBhEnable() throws Exception {
        String[] r = run("run", "--cpus", "1", "--probe", "icmp_rcv", "--format", "json", "ping -c 1 127.0.0.1");
        assertThat(r[2]).isEqualTo("0");
        JsonNode root = new ObjectMapper().readTree(r[0]);
        JsonNode probes = root.get("probes");
        assertThat(probes).hasSize(2);   // the echo request, then the echo reply, both on ping's stack
        for (JsonNode hit : probes) {
            assertThat(hit.get("task").asText()).isEqualTo("ping");
            int pc = Integer.parseInt(hit.get("preemptCount").asText(), 16);
            assertThat(pc & 0xff00).as("serving a softirq").isEqualTo(0x100);
            List<String> frames = new ArrayList<>();
            hit.get("stack").forEach(f -> frames.add(f.get("function").asText()));
            assertThat(frames.get(0)).isEqualTo("icmp_rcv");
            assertSubsequence(frames, SEED_ORDER);
        }
        List<String> out = new ArrayList<>();
        root.get("log").forEach(l -> out.add(l.get("text").asText()));
        assertThat(out).contains("PING 127.0.0.1 (127.0.0.1) 56(84) bytes of data.",
                "--- 127.0.0.1 ping statistics ---", "1 packets transmitted, 1 received, 0% packet loss, time 0ms");
        assertThat(out).anyMatch(l -> l.matches("64 bytes from 127\\.0\\.0\\.1: icmp_seq=1 ttl=64 time=0\\.\\d{3} ms"));
    }

    @Test
    void theTextDumpListsTheSameFramesAfterItsHeader() {
        String[] r = run("run", "--cpus", "1", "--probe", "icmp_rcv", "ping -c 1 127.0.0.1");
        String[] lines = r[0].split("\n");
        int hit = 0;
        while (!lines[hit].contains("spinlab: probe icmp_rcv hit on CPU#0")) {
            hit++;
        }
        assertThat(lines[hit + 1]).containsPattern("CPU: 0 PID: \\d+ Comm: ping ");
        assertThat(lines[hit + 3]).contains("preempt_count: 00000101");
        List<String> frames = new ArrayList<>();
        for (int i = hit + 4; !lines[i].contains("</TASK>"); i++) {
            String t = lines[i].replaceFirst("^\\[[ 0-9.]+\\]\\s+", "");
            if (!t.startsWith("<") && !t.startsWith("Call Trace")) {
                frames.add(t.substring(0, t.indexOf('+')));
            }
        }
        assertSubsequence(frames, SEED_ORDER);
    }

    @Test
    void eth0AnswersEchoRequestsFromItsPeer() {
        String[] r = run("run", "--cpus", "2", "--rx", "3", "examples/hello/hello.c");   // a module, so there is something to run
        assertThat(r[2]).isEqualTo("0");
        for (int seq = 1; seq <= 3; seq++) {
            assertThat(r[0]).contains("spinlab: eth0 wire: 10.0.0.1 > 10.0.0.2: ICMP echo reply, id 2989, seq "
                    + seq + ", length 64");
        }
    }

    @Test
    void pingThroughEth0GetsNoReplyFromTheWire() {
        String[] r = run("run", "--cpus", "1", "ping -c 1 10.0.0.2");
        assertThat(r[2]).isEqualTo("0");   // ping exits 1, the kernel found nothing
        assertThat(r[0]).contains("spinlab: eth0 wire: 10.0.0.1 > 10.0.0.2: ICMP echo request")
                .contains("1 packets transmitted, 0 received, 100% packet loss").contains("ping exited 1");
    }

    @Test
    void theBuiltInPingCompilesWithoutAWarning() {
        KernelConfig c = new KernelConfig(1, PreemptModel.VOLUNTARY, 1, 10_000_000_000L, 5000, 50_000_000L,
                dev.spinlab.kc.pp.PreprocessorOptions.defaults());
        Kernel k = Kernel.boot(c, List.of(), List.of(Kernel.Program.builtin("ping", List.of("ping", "127.0.0.1"))),
                new SourceMap(), new ArrayList<Diagnostic>());
        assertThat(k.kernelDiagnostics()).isEmpty();
    }

    @Test
    void aProbeOnAnUnknownFunctionIsABadInput() {
        String[] r = run("run", "--probe", "no_such_function", "ping -c 1 127.0.0.1");
        assertThat(r[2]).isEqualTo("2");
        assertThat(r[1]).contains("--probe no_such_function: no C function of that name in the kernel");
        assertThatThrownBy(() -> Kernel.Program.builtin("pong", List.of("pong")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
