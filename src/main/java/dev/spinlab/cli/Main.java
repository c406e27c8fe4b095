package dev.spinlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spinlab} command: subcommands, version, and the single System.exit. */
@Command(name = "spinlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"A laboratory for Linux kernel locking: runs kernel C on a model kernel",
                "on simulated CPUs and shows what the real kernel would do."},
        subcommands = {RunCommand.class, CheckCommand.class, ReplayCommand.class, TableCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams; returns the exit status (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        // room for "--max-states=N" and the like beside their descriptions, so none wraps alone
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage().longOptionsMaxWidth(26);
        }
        cl.setExitCodeExceptionMapper(e -> ExitCodes.BAD_INPUT);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("spinlab: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, pr) -> {
            c.getErr().println("spinlab: internal error (this is a bug in spinlab, please report it):");
            ex.printStackTrace(c.getErr());
            return ExitCodes.INTERNAL;
        });
        int code = onDeepStack(() -> cl.execute(args));
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Bytes of stack for the thread that runs a command. The front end (parser, preprocessor),
     * the compiler passes and the JSON writer recurse on the program's nesting; C that gcc
     * accepts (2,000 nested parentheses, a 65,536-term expression from a macro) nests deeper
     * than a default 8 MiB Java stack allows. They stop with "nesting too deep" at
     * {@link dev.spinlab.kc.diag.Nesting#LIMIT} levels, which this stack holds with room to spare.
     * Only touched pages are committed, so an ordinary run costs nothing extra.
     */
    static final long STACK_BYTES = 2L << 30;

    /** Runs the command on a thread with {@link #STACK_BYTES} of stack; returns its exit status. */
    private static int onDeepStack(java.util.function.IntSupplier command) {
        int[] code = {ExitCodes.INTERNAL};
        RuntimeException[] failed = new RuntimeException[1];
        Thread t = new Thread(null, () -> {
            try {
                code[0] = command.getAsInt();
            } catch (RuntimeException e) {
                failed[0] = e;
            }
        }, "spinlab", STACK_BYTES);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INTERNAL;
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        return code[0];
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"spinlab " + (v == null ? "dev" : v),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
