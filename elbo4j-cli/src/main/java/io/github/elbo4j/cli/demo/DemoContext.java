package io.github.elbo4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a demo run gets: its own output folder, the seed, where to print, and the data file given
 * with {@code --full} (for the demos that {@linkplain Demo#readsDataFile() read one}).
 *
 * @param outDir folder for this demo's files (created on first write)
 * @param seed   random seed; the same seed gives the same numbers
 * @param out    where the text summary goes
 * @param data   a data file to use instead of the demo's bundled sample
 */
public record DemoContext(Path outDir, long seed, PrintWriter out, Optional<Path> data) {

    /** Checks that no component is null. */
    public DemoContext {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(data, "data");
    }

    /** A run on the demo's own data. */
    public DemoContext(Path outDir, long seed, PrintWriter out) {
        this(outDir, seed, out, Optional.empty());
    }
}
