package dev.spinlab.cli;

import picocli.CommandLine.Option;

/** {@code --fix-advice} and {@code --verify-fix}, shared by run and check (docs/fixes.md). */
public final class FixOptions {
    @Option(names = "--fix-advice", order = 91,
            description = "Name for each lock finding the acquisition site and the weakest change that removes it:"
                    + " after the text, as each finding's \"fix\" in JSON, as SARIF fixes (docs/fixes.md).")
    boolean advice;

    @Option(names = "--verify-fix", order = 92,
            description = "As --fix-advice, then apply each mechanical fix to a temporary copy of the sources (never"
                    + " your files), re-run the same command and tell whether the finding is gone and no new finding"
                    + " appears.")
    boolean verify;

    boolean any() {
        return advice || verify;
    }
}
