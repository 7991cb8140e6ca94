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

    /**
     * netlib logs a warning for every BLAS/LAPACK implementation it fails to load before it falls
     * back to pure Java; the command silences them. Held strongly: java.util.logging keeps loggers
     * weakly, and a collected logger would forget its level.
     */
    private static final java.util.logging.Logger NETLIB_LOG = java.util.logging.Logger.getLogger("dev.ludovic.netlib");

    /** Entry point; the exit code is the command's. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        NETLIB_LOG.setLevel(java.util.logging.Level.SEVERE);
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
