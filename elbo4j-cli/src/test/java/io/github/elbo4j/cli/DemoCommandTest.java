package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Elbo4jCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void demoWithoutArgumentsListsTheDemos() {
        Run r = run("demo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("gaussian-sampling");
    }

    @Test
    void unknownDemoNamesTheKnownOnesAndExitsWithTwo() {
        Run r = run("demo", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown demo 'nope'").contains("gaussian-sampling");
    }

    @Test
    void nameAndAllTogetherAreRejected() {
        Run r = run("demo", "gaussian-sampling", "--all");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }

    @Test
    void allRunsEveryDemoIntoItsOwnFolder(@TempDir Path dir) {
        Run r = run("demo", "--all", "--out", dir.toString(), "--seed", "7");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.exists(dir.resolve("gaussian-sampling").resolve("summary.txt"))).isTrue();
        for (var d : io.github.elbo4j.cli.demo.DemoCatalog.all()) {
            assertThat(dir.resolve(d.name()).resolve("report.html")).exists();
        }
        assertThat(dir.resolve("index.html")).content().contains("gaussian-sampling/report.html");
    }
}
