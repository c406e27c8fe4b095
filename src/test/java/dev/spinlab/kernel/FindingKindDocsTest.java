package dev.spinlab.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The kind tables of docs/run-json.md and docs/check-json.md are FindingKind's list, generated
 * between {@code <!-- finding kinds ... -->} markers ({@code -Dgolden.update=true} rewrites them),
 * and every kind the model kernel's C names in {@code __spinlab_finding} is on the list.
 */
class FindingKindDocsTest {
    static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static String table(boolean check) {
        return "| kind | reported when |\n| --- | --- |\n" + Arrays.stream(FindingKind.values())
                .filter(k -> (k.origin == FindingKind.Origin.CHECK) == check)
                .map(k -> "| `" + k.id + "` | " + k.description + " |")
                .collect(Collectors.joining("\n")) + "\n";
    }

    static void assertGenerated(Path doc, String marker, String table) throws IOException {
        String text = Files.readString(doc);
        Pattern p = Pattern.compile("(<!-- " + Pattern.quote(marker) + " -->\n)(.*?)(<!-- end of finding kinds -->)", Pattern.DOTALL);
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(doc + " has the marker '<!-- " + marker + " -->'").isTrue();
        if (UPDATE) {
            Files.writeString(doc, text.substring(0, m.start(2)) + table + text.substring(m.end(2)));
            return;
        }
        assertThat(m.group(2)).as(doc + " (regenerate with -Dgolden.update=true)").isEqualTo(table);
    }

    @Test
    void runJsonDocListsEveryKindRunReports() throws IOException {
        assertGenerated(Path.of("docs/run-json.md"), "finding kinds: generated from FindingKind", table(false));
    }

    @Test
    void checkJsonDocListsCheckOwnKinds() throws IOException {
        assertGenerated(Path.of("docs/check-json.md"), "finding kinds of check: generated from FindingKind", table(true));
    }

    @Test
    void everyKindTheKernelsCNamesIsOnTheList() throws IOException {
        Pattern call = Pattern.compile("__spinlab_finding\\(\"([^\"]+)\"|_BUG_ON\\([^;]*\"([a-z]+-[a-z-]+)\"\\);");
        int named = 0;
        try (var files = Files.walk(Path.of("src/main/resources"))) {
            for (Path f : files.filter(x -> x.toString().endsWith(".c")).toList()) {
                Matcher m = call.matcher(Files.readString(f));
                while (m.find()) {
                    String id = m.group(1) != null ? m.group(1) : m.group(2);
                    assertThat(FindingKind.byId(id)).as(f + ": " + id).isNotNull();
                    named++;
                }
            }
        }
        assertThat(named).as("__spinlab_finding calls found").isGreaterThan(10);
    }
}
