package io.github.elbo4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code elbo4j} command: variational inference from the command line. */
@Command(name = "elbo4j", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Variational inference for the JVM.",
        subcommands = {DemoCommand.class, FitCommand.class, ReportCommand.class})
public final class Elbo4jCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Entry point; the exit code is the command's. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        // netlib logs every BLAS/LAPACK implementation it fails to load; one line of its choice is enough.
        java.util.logging.Logger.getLogger("dev.ludovic.netlib").setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new Elbo4jCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
