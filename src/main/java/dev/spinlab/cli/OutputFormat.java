package dev.spinlab.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json|sarif}, shared by run, check and replay. An enum, so picocli rejects
 * anything else (e.g. {@code --format xml}) as bad input before the command runs.
 */
public final class OutputFormat {
    /** The outputs: for people, for tools (docs/run-json.md, docs/check-json.md), for code scanning (docs/sarif.md). */
    public enum Kind { text, json, sarif }

    @Option(names = "--format", paramLabel = "text|json|sarif", defaultValue = "text", order = 90,
            description = "Output: text, json or sarif (SARIF 2.1.0 for code-scanning tools; docs/sarif.md)"
                    + " (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.text;

    boolean json() {
        return kind == Kind.json;
    }

    boolean sarif() {
        return kind == Kind.sarif;
    }

    /**
     * The command's name and its arguments as given (with @-files expanded): SARIF's
     * invocation.arguments.
     */
    static java.util.List<String> arguments(picocli.CommandLine.Model.CommandSpec spec) {
        java.util.List<String> all = spec.commandLine().getParseResult().expandedArgs();
        int from = spec.parent() != null ? all.indexOf(spec.name()) + 1 : 0;
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of(spec.name()));
        out.addAll(all.subList(Math.max(from, 0), all.size()));
        return out;
    }
}
