package dev.spinlab.cli;

import picocli.CommandLine.Option;

/** {@code --fix-advice} and {@code --verify-fix}, shared by run and check (docs/fixes.md). */
public final class FixOptions {
    @Option(names = "--fix-advice", order = 91,
            description = "After the findings, name for each lock finding the acquisition site and the weakest change"
                    + " that removes it (docs/fixes.md).")
    boolean advice;

    @Option(names = "--verify-fix", order = 92,
            description = "As --fix-advice, then apply each mechanical fix to a temporary copy of the sources (never"
                    + " your files), re-run the same command and tell whether the finding is gone and no new finding"
                    + " appears.")
    boolean verify;

    boolean any() {
        return advice || verify;
    }

    /** Advice is text: refused with json and sarif until those formats carry it. */
    void checkFormat(OutputFormat format) {
        if (any() && format.kind != OutputFormat.Kind.text) {
            throw new IllegalArgumentException((verify ? "--verify-fix" : "--fix-advice")
                    + " prints text after the findings; it cannot be combined with --format " + format.kind);
        }
    }
}
