package io.github.elbo4j.cli.demo;

/** One worked example: a name, a one-line summary and a run that prints and writes its results. */
public interface Demo {

    /** The name used on the command line, e.g. {@code gaussian-sampling}. */
    String name();

    /** One line saying what the demo shows. */
    String summary();

    /** The file name of the demo's main plot, shown as its thumbnail on the index page (e.g. {@code coin.png}). */
    String mainPlot();

    /**
     * Whether the demo can train on a data file given with {@code elbo4j demo NAME --full FILE}
     * ({@link DemoContext#data()}) instead of its bundled sample.
     */
    default boolean readsDataFile() {
        return false;
    }

    /** Runs the demo, printing a short summary and writing its files under {@code context.outDir()}. */
    void run(DemoContext context) throws java.io.IOException;
}
