package io.github.elbo4j.cli.demo;

/** One worked example: a name, a one-line summary and a run that prints and writes its results. */
public interface Demo {

    /** The name used on the command line, e.g. {@code gaussian-sampling}. */
    String name();

    /** One line saying what the demo shows. */
    String summary();

    /** Runs the demo, printing a short summary and writing its files under {@code context.outDir()}. */
    void run(DemoContext context) throws java.io.IOException;
}
