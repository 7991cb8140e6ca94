package io.github.elbo4j.cli;

import io.github.elbo4j.cli.demo.Demo;
import io.github.elbo4j.cli.demo.DemoCatalog;
import io.github.elbo4j.cli.demo.DemoContext;
import io.github.elbo4j.cli.fit.BadInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code elbo4j demo [NAME|--all] [--out DIR] [--seed N] [--full FILE]}: runs the worked examples. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a worked example (or all of them) and writes its outputs under --out.")
final class DemoCommand implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The demo to run; without it (and without --all) the demos are listed.")
    private String name;

    @Option(names = "--all", description = "Run every demo.")
    private boolean all;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "elbo4j-out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--full", paramLabel = "FILE", description = "Train the demos that read data (vae) on this whole file instead of their bundled sample.")
    private Path full;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter w = spec.commandLine().getOut();
        if (all && name != null) {
            spec.commandLine().getErr().println("elbo4j demo: give a NAME or --all, not both");
            return 2;
        }
        if (!all && name == null) {
            w.println("Demos (run one with `elbo4j demo NAME`, all with `elbo4j demo --all`):");
            for (Demo d : DemoCatalog.all()) {
                w.printf("  %-20s %s%n", d.name(), d.summary());
            }
            w.flush();
            return 0;
        }
        List<Demo> chosen;
        if (all) {
            chosen = DemoCatalog.all();
        } else {
            Optional<Demo> d = DemoCatalog.find(name);
            if (d.isEmpty()) {
                spec.commandLine().getErr().println("elbo4j demo: unknown demo '" + name + "'; known: " + DemoCatalog.names());
                return 2;
            }
            chosen = List.of(d.get());
        }
        try {
            checkDataFile(chosen);
            OutputLocation.checkFolder(out, "--out");
        } catch (BadInputException e) {
            spec.commandLine().getErr().println("elbo4j demo: " + e.getMessage());
            return 2;
        }
        io.github.elbo4j.cli.report.HtmlReport index = io.github.elbo4j.cli.report.HtmlReport.titled("elbo4j demos")
                .paragraph("Each demo works one textbook example of variational inference with elbo4j, checks its numbers against the exact answer where there is one and draws its figures (random seed " + seed + ").");
        for (Demo d : chosen) {
            long start = System.nanoTime();
            w.println("== " + d.name() + ": " + d.summary());
            try {
                d.run(new DemoContext(out.resolve(d.name()), seed, w, d.readsDataFile() ? Optional.ofNullable(full) : Optional.empty()));
            } catch (BadInputException e) {
                w.flush();
                spec.commandLine().getErr().println("elbo4j demo: " + e.getMessage());
                return 2;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            w.printf(java.util.Locale.ROOT, "(%.1f s)%n%n", seconds);
            w.flush();
            index.thumbnail(d.name() + "/report.html", d.name() + "/" + d.mainPlot(), d.name(), d.summary());
        }
        if (all) {
            index.write(out.resolve("index.html"));
            w.println("wrote " + out.resolve("index.html"));
            w.flush();
        }
        return 0;
    }

    /** With {@code --full}: some chosen demo reads data, and the file is a readable file. */
    private void checkDataFile(List<Demo> chosen) {
        if (full == null) {
            return;
        }
        if (chosen.stream().noneMatch(Demo::readsDataFile)) {
            throw new BadInputException("--full " + full + ": only the demos that read a data file take one ("
                    + DemoCatalog.all().stream().filter(Demo::readsDataFile).map(Demo::name).collect(java.util.stream.Collectors.joining(", "))
                    + "), not " + chosen.stream().map(Demo::name).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (!Files.exists(full)) {
            throw new BadInputException("--full " + full + ": no such file");
        }
        if (!Files.isRegularFile(full) || !Files.isReadable(full)) {
            throw new BadInputException("--full " + full + ": " + (Files.isDirectory(full) ? "a folder, not a file" : "cannot be read"));
        }
    }
}
