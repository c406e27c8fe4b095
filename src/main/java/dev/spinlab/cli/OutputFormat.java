package dev.spinlab.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json}, shared by run, check and replay. An enum, so picocli rejects
 * anything else (e.g. {@code --format xml}) as bad input before the command runs.
 */
public final class OutputFormat {
    /** The two outputs every command has. */
    public enum Kind { text, json }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", order = 90,
            description = "Output: text or json (default: ${DEFAULT-VALUE}).")
    Kind kind = Kind.text;

    boolean json() {
        return kind == Kind.json;
    }
}
