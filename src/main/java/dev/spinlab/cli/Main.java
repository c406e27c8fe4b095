package dev.spinlab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spinlab} command: subcommands, version, and the single System.exit. */
@Command(name = "spinlab", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"A laboratory for Linux kernel locking: runs kernel C on a model kernel",
                "on simulated CPUs and shows what the real kernel would do."},
        subcommands = {RunCommand.class, CheckCommand.class, ReplayCommand.class, CommandLine.HelpCommand.class})
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
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
