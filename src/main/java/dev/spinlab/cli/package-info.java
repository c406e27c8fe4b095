/**
 * The picocli command line: one {@code Callable<Integer>} class per subcommand, the single
 * {@code System.exit} in {@link dev.spinlab.cli.Main}, exit statuses in
 * {@link dev.spinlab.cli.ExitCodes}. Must not touch: simulation logic; it only parses options,
 * calls the layers below and prints through {@code report}.
 */
package dev.spinlab.cli;
