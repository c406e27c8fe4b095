package dev.spinlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spinlab.kernel.Finding;
import dev.spinlab.kernel.Kernel;
import dev.spinlab.kernel.ModuleSource;
import dev.spinlab.report.FixAdvice;
import dev.spinlab.report.FixReport;
import dev.spinlab.report.SarifSources;
import dev.spinlab.report.SourceEdit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code --fix-advice} and {@code --verify-fix}: prints each lock finding's advice
 * ({@link FixAdvice}) and, verifying, applies each distinct mechanical change to a copy of the
 * sources in a temporary directory (the directories of the modules, programs, scenario and
 * {@code -I} paths, files only, at their paths relative to the working directory), re-runs the
 * same command there with {@code --format json}, and compares the findings (kind, function,
 * normalised message, lock classes: {@link FixAdvice#identity}). The user's files are never
 * written; the copy is deleted afterwards.
 */
final class FixVerifier {
    private FixVerifier() {}

    /** What the command was: its name, its arguments as given, and the inputs among them. */
    record Command(String name, List<String> args, List<String> inputs, SystemOptions.Inputs resolved) {}

    /** The command's arguments for the re-run: as given, less --fix-advice, --verify-fix and --format. */
    static List<String> rerunArgs(List<String> given) {
        List<String> out = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < given.size(); i++) {
            String a = given.get(i);
            if (options && a.equals("--")) {
                options = false;
            } else if (options && (a.equals("--fix-advice") || a.equals("--verify-fix") || a.startsWith("--format="))) {
                continue;
            } else if (options && a.equals("--format")) {
                i++;
                continue;
            } else if (options && HtmlOption.skip(given, i) > 0) {
                i += HtmlOption.skip(given, i) - 1; // a re-run writes no page
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** What a re-run with a change said: the line to print, and which of the original findings it no longer has. */
    record Verdict(String text, boolean verified, Set<String> gone) {
        static Verdict not(String why) {
            return new Verdict("not verified: " + why, false, Set.of());
        }
    }

    /**
     * Prints the command's output (rendered in format) and, with --fix-advice or --verify-fix,
     * the advice: after the text, or inside the JSON or SARIF.
     */
    static void output(PrintWriter out, OutputFormat format, String rendered, FixOptions fix,
                       java.util.function.Supplier<Command> cmd, List<Finding> findings) {
        if (!fix.any()) {
            out.print(rendered.endsWith("\n") ? rendered : rendered + "\n");
            return;
        }
        List<FixReport.Entry> entries = evaluate(cmd.get(), findings, fix.verify);
        switch (format.kind) {
            case json -> out.println(FixReport.json(rendered, entries));
            case sarif -> out.println(FixReport.sarif(rendered, entries, new SarifSources(Path.of(""))));
            default -> {
                out.print(rendered);
                FixReport.text(out, entries);
            }
        }
    }

    /** Each finding's advice (null entries for findings without), verified when asked. */
    static List<FixReport.Entry> evaluate(Command cmd, List<Finding> findings, boolean verify) {
        SarifSources src = new SarifSources(Path.of(""));
        Set<String> before = new LinkedHashSet<>();
        Map<String, Integer> number = new LinkedHashMap<>();
        List<FixAdvice.Advice> advice = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            String id = FixAdvice.identity(findings.get(i));
            before.add(id);
            number.putIfAbsent(id, i + 1);
            advice.add(FixAdvice.of(findings.get(i), src::isUsers).orElse(null));
        }
        // each distinct change is tried once, in the findings' order: changes that make the same
        // file (the same acquisition found from two findings) share one re-run
        Map<SourceEdit, Verdict> verdicts = new LinkedHashMap<>();
        Map<SourceEdit, Integer> firstFor = new LinkedHashMap<>();
        Map<String, SourceEdit> byResult = new LinkedHashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            FixAdvice.Advice a = advice.get(i);
            if (!verify || a == null || a.edit() == null || verdicts.containsKey(a.edit())) {
                continue;
            }
            String result = changed(a.edit());
            SourceEdit same = result == null ? null : byResult.get(result);
            if (same != null) {
                Verdict v = verdicts.get(same);
                String target = FixAdvice.identity(findings.get(i));
                boolean gone = v.gone().contains(target);
                verdicts.put(a.edit(), new Verdict(gone && v.verified()
                        ? "fix verified: the finding is gone and no new finding appears"
                        : gone ? "the finding is gone, but: " + v.text() : "fix not verified: the finding remains",
                        gone && v.verified(), v.gone()));
                firstFor.put(a.edit(), firstFor.get(same));
                continue;
            }
            verdicts.put(a.edit(), verify(cmd, a.edit(), FixAdvice.identity(findings.get(i)), before, number));
            firstFor.put(a.edit(), i + 1);
            if (result != null) {
                byResult.put(result, a.edit());
            }
        }
        List<FixReport.Entry> out = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            FixAdvice.Advice a = advice.get(i);
            if (a == null) {
                out.add(null);
                continue;
            }
            SourceEdit edit = a.edit();
            List<SourceEdit.Replacement> repl = List.of();
            if (edit != null) {
                try {
                    repl = edit.replacements(Files.readAllLines(Path.of(edit.file()), StandardCharsets.UTF_8));
                } catch (IOException | SourceEdit.NotApplicable | java.io.UncheckedIOException e) {
                    repl = List.of();
                }
            }
            String verdict = null;
            Boolean verified = null;
            if (verify && edit != null) {
                Verdict v = verdicts.get(edit);
                int first = firstFor.get(edit);
                verdict = first == i + 1 ? v.text() : "(the change of finding " + first + ") " + v.text();
                verified = v.verified() && v.gone().contains(FixAdvice.identity(f));
            } else if (verify) {
                String id = FixAdvice.identity(f);
                for (Map.Entry<SourceEdit, Verdict> e : verdicts.entrySet()) {
                    if (e.getValue().verified() && e.getValue().gone().contains(id)) {
                        verdict = "gone with the verified change of finding " + firstFor.get(e.getKey());
                        break;
                    }
                }
                if (verdict == null) {
                    verdict = "not verified: no mechanical change (the fix depends on what the code means)";
                }
                verified = false;
            }
            out.add(new FixReport.Entry(i + 1, f.kind().id, a.text(), edit == null ? null : edit.file(),
                    edit == null ? null : edit.describe(), repl, verdict, verified));
        }
        return out;
    }

    /** The file the edit makes (its name and text), or null when it does not apply. */
    private static String changed(SourceEdit edit) {
        try {
            return edit.file() + "\n" + String.join("\n", edit.apply(Files.readAllLines(Path.of(edit.file()),
                    StandardCharsets.UTF_8)));
        } catch (IOException | SourceEdit.NotApplicable | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** Applies edit to a copy, re-runs, and says what happened to the finding target and the rest. */
    static Verdict verify(Command cmd, SourceEdit edit, String target, Set<String> before, Map<String, Integer> number) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("spinlab-fix");
            copySources(cmd, tmp);
            Path file = tmp.resolve(edit.file());
            if (!Files.isRegularFile(file)) {
                return Verdict.not(edit.file() + " is not among the copied sources");
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Files.write(file, edit.apply(lines), StandardCharsets.UTF_8);
            List<String> argv = new ArrayList<>(List.of(cmd.name()));
            for (String a : cmd.args()) {
                argv.add(cmd.inputs().contains(a) ? remap(tmp, a) : a);
            }
            argv.addAll(List.of("--format", "json"));
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.execute(argv.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
            String prefix = tmp.toAbsolutePath() + java.io.File.separator;
            if (code == ExitCodes.BAD_INPUT || code == ExitCodes.INTERNAL) {
                String why = e.toString().replace(prefix, "").strip();
                return Verdict.not("the changed sources do not run: " + (why.isEmpty() ? "exit " + code
                        : why.lines().findFirst().orElse("")));
            }
            Set<String> after = new LinkedHashSet<>();
            for (JsonNode f : new ObjectMapper().readTree(o.toString()).path("findings")) {
                List<String> locks = new ArrayList<>();
                f.path("locks").forEach(l -> locks.add(l.asText()));
                after.add(FixAdvice.identity(f.path("kind").asText(), f.path("message").asText().replace(prefix, ""),
                        f.path("location").path("function").asText("?"), locks));
            }
            List<String> added = after.stream().filter(x -> !before.contains(x)).toList();
            Set<String> gone = new LinkedHashSet<>(before.stream().filter(x -> !after.contains(x)).toList());
            List<String> alsoGone = gone.stream().filter(x -> !x.equals(target))
                    .map(x -> "finding " + number.get(x) + " (" + x.substring(0, x.indexOf('|')) + ")").toList();
            boolean targetGone = gone.contains(target);
            String also = alsoGone.isEmpty() ? "" : "; also gone: " + String.join(", ", alsoGone);
            if (targetGone && added.isEmpty()) {
                return new Verdict("fix verified: the finding is gone and no new finding appears" + also, true, gone);
            }
            StringBuilder sb = new StringBuilder("fix not verified:");
            sb.append(targetGone ? " the finding is gone" : " the finding remains");
            if (!added.isEmpty()) {
                sb.append("; new: ").append(String.join("; ", added.stream().map(FixVerifier::readable).toList()));
            }
            return new Verdict(sb.append(also).toString(), false, gone);
        } catch (SourceEdit.NotApplicable x) {
            return Verdict.not(x.getMessage());
        } catch (IOException | IllegalArgumentException x) {
            return Verdict.not(x.getMessage());
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /** An identity as people read it: {@code kind: message [locks]}. */
    private static String readable(String identity) {
        String[] p = identity.split("\\|", -1);
        return p[0] + ": " + p[2] + (p[3].isEmpty() ? "" : " [" + p[3] + "]");
    }

    private static String remap(Path tmp, String input) {
        return tmp.resolve(input).toString();
    }

    /** The directories of every source the command reads, files only, at their relative paths under tmp. */
    static void copySources(Command cmd, Path tmp) throws IOException {
        Set<Path> dirs = new LinkedHashSet<>();
        for (ModuleSource m : cmd.resolved().modules) {
            m.files().forEach(f -> dirs.add(parent(f)));
        }
        for (Kernel.Program p : cmd.resolved().programs) {
            p.sources().forEach(f -> dirs.add(parent(f)));
        }
        for (String in : cmd.inputs()) {
            Path p = Path.of(in);
            dirs.add(Files.isDirectory(p) ? p : parent(p));
        }
        cmd.resolved().pp.includeDirs().forEach(dirs::add);
        for (Path d : dirs) {
            Path n = d.normalize();
            if (n.isAbsolute() || n.startsWith("..")) {
                throw new IllegalArgumentException("--verify-fix copies the sources found under the working directory;"
                        + " " + d + " is outside it (run spinlab from a directory above it)");
            }
            Path to = Files.createDirectories(tmp.resolve(n));
            if (!Files.isDirectory(n)) {
                continue;
            }
            try (Stream<Path> files = Files.list(n)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, to.resolve(f.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Path parent(Path f) {
        Path p = f.getParent();
        return p == null ? Path.of("") : p;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
