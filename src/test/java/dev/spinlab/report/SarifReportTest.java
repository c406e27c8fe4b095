package dev.spinlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.spinlab.cli.Main;
import dev.spinlab.kc.interp.StackEntry;
import dev.spinlab.kc.lex.SrcLoc;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.FindingKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * spinlab's SARIF, read back as code-scanning tools read it: valid against the SARIF 2.1.0
 * schema, with GitHub's upload rules (version, $schema, a driver with rules, relative URIs of
 * the user's files, a line), rules derived from FindingKind, a result at the driver's line, the
 * other side as a related location, check's trace as a code flow per CPU, and fingerprints
 * that do not move with line numbers, pids or addresses.
 */
class SarifReportTest {
    static Schema schema;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            JsonNode node = JSON.readTree(in);
            SchemaRegistry reg = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);
            schema = reg.getSchema(node);
        }
    }

    record Out(int code, JsonNode log, String text) {}

    static Out spinlab(String... argv) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(argv, new PrintWriter(out), new PrintWriter(err));
        assertThat(err.toString()).as("stderr").isEmpty();
        return new Out(code, JSON.readTree(out.toString()), out.toString());
    }

    static void assertValid(JsonNode log) {
        List<Error> errors = schema.validate(log);
        assertThat(errors).as("SARIF 2.1.0 schema errors").isEmpty();
    }

    /** GitHub's upload rules and ours: every result is at a relative URI of the user's tree, with a line. */
    static void assertCodeScanningShape(JsonNode log) {
        assertThat(log.get("version").asText()).isEqualTo("2.1.0");
        assertThat(log.get("$schema").asText()).isEqualTo(SarifReport.SCHEMA);
        JsonNode run = log.get("runs").get(0);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asText()).isEqualTo("spinlab");
        assertThat(driver.get("version").asText()).isNotBlank();
        assertThat(driver.get("informationUri").asText()).startsWith("https://");
        JsonNode rules = driver.get("rules");
        assertThat(rules).hasSize(FindingKind.values().length);
        assertThat(run.get("results")).isNotEmpty();
        for (JsonNode res : run.get("results")) {
            int idx = res.get("ruleIndex").asInt();
            assertThat(rules.get(idx).get("id").asText()).isEqualTo(res.get("ruleId").asText());
            JsonNode phys = res.get("locations").get(0).get("physicalLocation");
            assertThat(phys).as("result %s has a physical location", res.get("ruleId")).isNotNull();
            assertThat(phys.get("artifactLocation").get("uri").asText()).doesNotStartWith("/").doesNotContain("..");
            assertThat(phys.get("artifactLocation").get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
            assertThat(phys.get("region").get("startLine").asInt()).isPositive();
            assertThat(res.get("partialFingerprints").get(SarifReport.FINGERPRINT).asText()).matches("[0-9a-f]{32}");
        }
    }

    static JsonNode result(JsonNode log, String ruleId) {
        for (JsonNode r : log.get("runs").get(0).get("results")) {
            if (r.get("ruleId").asText().equals(ruleId)) {
                return r;
            }
        }
        throw new AssertionError("no result " + ruleId + " in " + log.get("runs").get(0).get("results"));
    }

    /** docs/sarif.md's rule sections, one per kind: generated between markers ({@code -Dgolden.update=true} rewrites them). */
    static String ruleSections() {
        StringBuilder sb = new StringBuilder();
        for (FindingKind k : FindingKind.values()) {
            sb.append("\n### `").append(k.id).append("`\n\n")
                    .append(Character.toUpperCase(k.description.charAt(0))).append(k.description.substring(1))
                    .append(". Level `").append(SarifRules.level(k)).append("`, reported by ")
                    .append(SarifRules.origin(k)).append(".\n");
        }
        return sb.append('\n').toString();
    }

    @Test
    void docsHaveASectionPerRule() throws IOException {
        Path doc = Path.of("docs/sarif.md");
        String text = Files.readString(doc);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(<!-- sarif rules: generated from FindingKind -->\n)(.*?)(<!-- end of sarif rules -->)",
                java.util.regex.Pattern.DOTALL).matcher(text);
        assertThat(m.find()).as("docs/sarif.md has the rules markers").isTrue();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(doc, text.substring(0, m.start(2)) + ruleSections() + text.substring(m.end(2)));
            return;
        }
        assertThat(m.group(2)).as("docs/sarif.md's rules (regenerate with -Dgolden.update=true)").isEqualTo(ruleSections());
    }

    @Test
    void rulesAreFindingKindsListWithDocsAnchors() throws IOException {
        String doc = Files.readString(Path.of("docs/sarif.md"));
        Set<String> anchors = doc.lines().filter(l -> l.startsWith("### "))
                .map(l -> SarifRules.anchor(l.substring(4).replace("`", ""))).collect(Collectors.toSet());
        for (FindingKind k : FindingKind.values()) {
            JsonNode r = JSON.valueToTree(SarifRules.rule(k));
            assertThat(r.get("id").asText()).isEqualTo(k.id);
            assertThat(r.get("name").asText()).matches("[A-Z][A-Za-z0-9]+");
            assertThat(r.get("shortDescription").get("text").asText()).endsWith(".").doesNotContain("`");
            assertThat(r.get("fullDescription").get("text").asText()).containsIgnoringCase(
                    SarifRules.plain(k.description).substring(1));
            assertThat(r.get("helpUri").asText()).isEqualTo(SarifRules.docs("sarif", SarifRules.anchor(k.id)));
            assertThat(anchors).as("docs/sarif.md has a heading for %s", k.id).contains(SarifRules.anchor(k.id));
        }
        assertThat(SarifRules.anchor("lockdep:circular-dependency")).isEqualTo("lockdepcircular-dependency");
        assertThat(SarifRules.name(FindingKind.LOCKDEP_IRQ_SAFE_UNSAFE_ORDER)).isEqualTo("LockdepIrqSafeUnsafeOrder");
    }

    @Test
    void runFindingIsAtTheDriversLineWithItsStack() throws IOException {
        Out o = spinlab("run", "examples/lockdep-softirq", "--format", "sarif");
        assertThat(o.code()).isEqualTo(1);
        assertValid(o.log());
        assertCodeScanningShape(o.log());
        JsonNode r = result(o.log(), "lockdep:inconsistent-lock-state");
        JsonNode phys = r.get("locations").get(0).get("physicalLocation");
        assertThat(phys.get("artifactLocation").get("uri").asText()).isEqualTo("examples/lockdep-softirq/ct.c");
        assertThat(r.get("locations").get(0).get("logicalLocations").get(0).get("name").asText())
                .isEqualTo("ct_pre_routing");
        assertThat(r.get("properties").get("locks").get(0).asText()).isEqualTo("&ct.lock");
        // lockdep's other usage, the process side, is a related location at its line of ct.c
        List<String> related = new ArrayList<>();
        r.get("relatedLocations").forEach(x -> related.add(x.get("message").get("text").asText() + " @"
                + x.get("physicalLocation").get("region").get("startLine").asInt()));
        assertThat(related).contains("&ct.lock was used {SOFTIRQ-ON-W} here @59");
        // the stack's frames: kernel frames named in their message, the driver's with a physical location
        JsonNode frames = r.get("stacks").get(0).get("frames");
        List<String> withFile = new ArrayList<>();
        for (JsonNode f : frames) {
            if (f.get("location").has("physicalLocation")) {
                withFile.add(f.get("location").get("physicalLocation").get("artifactLocation").get("uri").asText());
            }
            assertThat(f.get("location").get("message").get("text").asText()).isNotBlank();
        }
        assertThat(withFile).isNotEmpty().allMatch(u -> u.startsWith("examples/lockdep-softirq/"));
        assertThat(frames.size()).isGreaterThan(withFile.size());
    }

    @Test
    void checkDeadlockHasItsTraceAsOneThreadFlowPerCpu() throws IOException {
        Out o = spinlab("check", "examples/abba", "--cpus", "2", "--format", "sarif");
        assertThat(o.code()).isEqualTo(1);
        assertValid(o.log());
        assertCodeScanningShape(o.log());
        JsonNode run = o.log().get("runs").get(0);
        assertThat(run.get("properties").get("verdict").asText()).isEqualTo("findings");
        assertThat(run.get("invocations").get(0).get("arguments").get(0).asText()).isEqualTo("check");
        JsonNode dl = result(o.log(), "deadlock");
        assertThat(dl.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo("examples/lockdep-abba/abba.c");
        JsonNode flows = dl.get("codeFlows").get(0).get("threadFlows");
        assertThat(flows).hasSize(2);
        assertThat(flows.get(0).get("id").asText()).isEqualTo("CPU#0");
        assertThat(flows.get(1).get("id").asText()).isEqualTo("CPU#1");
        // execution orders interleave the two CPUs and number every location once
        List<Integer> orders = new ArrayList<>();
        for (JsonNode tf : flows) {
            for (JsonNode l : tf.get("locations")) {
                orders.add(l.get("executionOrder").asInt());
                assertThat(l.get("location").get("message").get("text").asText()).isNotBlank();
            }
        }
        assertThat(orders.stream().sorted().toList()).isEqualTo(
                java.util.stream.IntStream.rangeClosed(1, orders.size()).boxed().toList());
        // both CPUs pass through the user's code: each flow has a location in op.c or abba.c
        for (JsonNode tf : flows) {
            boolean inDriver = StreamSupport.stream(tf.get("locations").spliterator(), false)
                    .anyMatch(l -> l.get("location").has("physicalLocation"));
            assertThat(inDriver).as("%s has a location in the user's files", tf.get("id")).isTrue();
        }
        JsonNode last = flows.get(dl.get("properties").get("cpu").asInt()).get("locations");
        assertThat(last.get(last.size() - 1).get("kinds").get(0).asText()).isEqualTo("exit");
    }

    @Test
    void checkLockdepAbbaValidatesAndNamesItsLockClasses() throws IOException {
        Out o = spinlab("check", "examples/lockdep-abba", "--cpus", "1", "--format", "sarif", "--fix-advice");
        assertThat(o.code()).isEqualTo(1);
        assertValid(o.log());
        assertCodeScanningShape(o.log());
        JsonNode r = result(o.log(), "lockdep:circular-dependency");
        // the lock order as a SARIF fix: read_stats's acquisition of &list_lock (line 38) moved above line 36
        JsonNode change = r.get("fixes").get(0).get("artifactChanges").get(0);
        assertThat(change.get("artifactLocation").get("uri").asText()).isEqualTo("examples/lockdep-abba/abba.c");
        JsonNode reps = change.get("replacements");
        assertThat(reps.get(0).get("deletedRegion").get("startLine").asInt()).isEqualTo(36);
        assertThat(reps.get(0).get("insertedContent").get("text").asText()).isEqualTo("    spin_lock(&list_lock);\n");
        assertThat(reps.get(1).get("deletedRegion").get("startLine").asInt()).isEqualTo(38);
        assertThat(reps.get(1).get("deletedRegion").get("endLine").asInt()).isEqualTo(39);
        assertThat(r.get("properties").get("fixAdvice").asText()).contains("take &list_lock before &stats_lock");
        assertThat(r.get("message").get("text").asText()).contains("[&list_lock, &stats_lock]");
        assertThat(r.get("relatedLocations")).isNotEmpty();
        assertThat(r.get("relatedLocations").toString()).contains("&stats_lock is taken here after &list_lock");
        assertThat(r.get("codeFlows").get(0).get("threadFlows")).hasSize(1);
    }

    @Test
    void aHandlerFindingRelatesTheInterruptedCode() {
        // a finding in a softirq handler, its stack crossing the interrupt's entry into a driver's write
        StackEntry handler = new StackEntry("ct_pre_routing", new SrcLoc("d/ct.c", 18, 5), 0, 16, false);
        StackEntry softirq = new StackEntry("__do_softirq", new SrcLoc("kernel/softirq.c", 500, 3), 0, 16, false);
        StackEntry entry = new StackEntry("handle_arch_irq", new SrcLoc("kernel/irq/handle.c", 73, 3), 0, 16, true);
        StackEntry writer = new StackEntry("ct_write", new SrcLoc("d/ct.c", 31, 5), 0, 16, false);
        Finding f = new Finding(FindingKind.DEADLOCK, "m", new Finding.Where("d/ct.c", 18, "ct_pre_routing"),
                Finding.Context.none(0), 0, List.of(handler, softirq, entry, writer));
        SarifSources src = new SarifSources(Path.of("")) {
            @Override
            public boolean isUsers(String file) {
                return file.startsWith("d/");
            }
        };
        JsonNode rel = JSON.valueToTree(SarifReport.relatedLocations(f, src));
        assertThat(rel).hasSize(1);
        assertThat(rel.get(0).get("message").get("text").asText()).contains("ct_write was running here when the interrupt");
        assertThat(rel.get(0).get("physicalLocation").get("region").get("startLine").asInt()).isEqualTo(31);
    }

    @Test
    void fingerprintsIgnoreLinesPidsAndAddressesButNotTheFunction() {
        Finding a = new Finding(FindingKind.SCHEDULING_WHILE_ATOMIC, "BUG: scheduling while atomic: a/5/0x00000002",
                new Finding.Where("x/hello.c", 21, "hello_open"), Finding.Context.none(0), 0, List.of());
        Finding moved = new Finding(FindingKind.SCHEDULING_WHILE_ATOMIC, "BUG: scheduling while atomic: a/9/0x00000002",
                new Finding.Where("x/hello.c", 25, "hello_open"), new Finding.Context(1, "a", 9, 2, true), 7, List.of());
        Finding elsewhere = new Finding(FindingKind.SCHEDULING_WHILE_ATOMIC, "BUG: scheduling while atomic: a/5/0x00000002",
                new Finding.Where("x/hello.c", 21, "hello_release"), Finding.Context.none(0), 0, List.of());
        assertThat(SarifReport.fingerprint(moved)).isEqualTo(SarifReport.fingerprint(a));
        assertThat(SarifReport.fingerprint(elsewhere)).isNotEqualTo(SarifReport.fingerprint(a));
        Finding kernelLine = new Finding(FindingKind.SLEEP_IN_ATOMIC,
                "BUG: sleeping function called from invalid context at lib/usercopy.c:12",
                new Finding.Where("x/hello.c", 21, "hello_open"), Finding.Context.none(0), 0, List.of());
        Finding kernelMoved = new Finding(FindingKind.SLEEP_IN_ATOMIC,
                "BUG: sleeping function called from invalid context at lib/usercopy.c:40",
                new Finding.Where("x/hello.c", 22, "hello_open"), Finding.Context.none(0), 0, List.of());
        assertThat(SarifReport.fingerprint(kernelMoved)).isEqualTo(SarifReport.fingerprint(kernelLine));
    }

    @Test
    void aUserFileOutsideTheRootIsAnAbsoluteUriAndSpacesAreEncoded(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Path root = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(root.resolve("my driver.c"), "int x;\n");
        Files.writeString(dir.resolve("outside.c"), "int y;\n");
        SarifSources src = new SarifSources(root);
        JsonNode in = JSON.valueToTree(src.artifactLocation("my driver.c"));
        assertThat(in.get("uri").asText()).isEqualTo("my%20driver.c");
        assertThat(in.get("uriBaseId").asText()).isEqualTo("%SRCROOT%");
        JsonNode out = JSON.valueToTree(src.artifactLocation("../outside.c"));
        assertThat(out.get("uri").asText()).startsWith("file:/").endsWith("outside.c");
        assertThat(out.has("uriBaseId")).isFalse();
        assertThat(src.isUsers("kernel/locking/spinlock.c")).isFalse();
        assertThat(src.isUsers("my driver.c")).isTrue();
    }

    @Test
    void sarifIsRefusedWhereThereAreNoKernelFindings() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new String[] {"run", "--no-kernel", "--format", "sarif", "examples/c/ticket_lock.c"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--format sarif").contains("--no-kernel");
    }
}
