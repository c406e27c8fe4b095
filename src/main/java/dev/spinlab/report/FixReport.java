package dev.spinlab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;

/**
 * Fix advice (docs/fixes.md) as text after the findings, as a {@code "fix"} object of each
 * finding in JSON, and as SARIF {@code fixes} (the change as replacements of the original file,
 * which editors' SARIF viewers can apply) with the advice and the verification in properties.
 */
public final class FixReport {
    private FixReport() {}

    /**
     * One finding's advice: its number, kind, the advice, the changed file and the change in
     * words (null when not mechanical), the change as replacements, and the verification's
     * line and whether it verified (null when not asked).
     */
    public record Entry(int finding, String kind, String advice, String file, String change,
                        List<SourceEdit.Replacement> replacements, String verdict, Boolean verified) {}

    public static void text(PrintWriter out, List<Entry> entries) {
        out.println();
        out.println("fix advice:");
        boolean any = false;
        for (Entry e : entries) {
            if (e == null) {
                continue;
            }
            any = true;
            out.printf("  finding %d (%s): %s%n", e.finding(), e.kind(), e.advice());
            if (e.change() != null) {
                out.println("    change: " + e.change());
            }
            if (e.verdict() != null) {
                out.println("    " + e.verdict());
            }
        }
        if (!any) {
            out.println("  no lock finding to advise on");
        }
        out.flush();
    }

    /** run's or check's JSON with each advised finding's {@code "fix"}. */
    public static String json(String json, List<Entry> entries) {
        ObjectNode root = read(json);
        JsonNode fs = root.path("findings");
        for (Entry e : entries) {
            if (e == null || e.finding() > fs.size()) {
                continue;
            }
            ObjectNode fix = ((ObjectNode) fs.get(e.finding() - 1)).putObject("fix");
            fix.put("advice", e.advice());
            if (e.change() != null) {
                fix.put("change", e.change());
            }
            if (e.verdict() != null) {
                fix.put("verification", e.verdict());
                fix.put("verified", e.verified());
            }
        }
        return root.toPrettyString();
    }

    /** A SARIF log with each advised result's fix (the change) or, without one, the advice in its properties. */
    public static String sarif(String sarif, List<Entry> entries, SarifSources src) {
        ObjectNode root = read(sarif);
        JsonNode results = root.path("runs").path(0).path("results");
        for (Entry e : entries) {
            if (e == null || e.finding() > results.size()) {
                continue;
            }
            ObjectNode r = (ObjectNode) results.get(e.finding() - 1);
            ObjectNode props = r.has("properties") ? (ObjectNode) r.get("properties") : r.putObject("properties");
            props.put("fixAdvice", e.advice());
            if (e.verdict() != null) {
                props.put("fixVerification", e.verdict());
            }
            if (e.replacements().isEmpty()) {
                continue;
            }
            ObjectNode fix = r.putArray("fixes").addObject();
            fix.putObject("description").put("text", e.change());
            ObjectNode change = fix.putArray("artifactChanges").addObject();
            change.set("artifactLocation", src.artifactLocation(e.file()));
            ArrayNode rs = change.putArray("replacements");
            for (SourceEdit.Replacement x : e.replacements()) {
                ObjectNode rep = rs.addObject();
                rep.putObject("deletedRegion").put("startLine", x.startLine()).put("startColumn", x.startColumn())
                        .put("endLine", x.endLine()).put("endColumn", x.endColumn());
                if (!x.text().isEmpty()) {
                    rep.putObject("insertedContent").put("text", x.text());
                }
            }
            if (e.verified() != null) {
                fix.putObject("properties").put("verified", e.verified());
            }
        }
        return root.toPrettyString();
    }

    private static ObjectNode read(String json) {
        try {
            return (ObjectNode) new ObjectMapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e); // spinlab's own output
        }
    }
}
