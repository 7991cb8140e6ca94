package io.github.elbo4j.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * What a demo run gets: its own output folder, the seed, and where to print.
 *
 * @param outDir folder for this demo's files (created on first write)
 * @param seed   random seed; the same seed gives the same numbers
 * @param out    where the text summary goes
 */
public record DemoContext(Path outDir, long seed, PrintWriter out) {
}
