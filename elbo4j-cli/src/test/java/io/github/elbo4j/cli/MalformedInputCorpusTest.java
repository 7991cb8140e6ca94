package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of malformed inputs in {@code src/test/resources/malformed} (encodings, delimiters,
 * quoting, headers, numbers, sizes): each file with the arguments and the exact message listed in
 * {@code cases.tsv} exits with code 2, prints that one line and writes nothing.
 */
class MalformedInputCorpusTest {

    private record Case(String file, List<String> arguments, String message) {
    }

    private static Path corpus() throws URISyntaxException {
        return Path.of(MalformedInputCorpusTest.class.getResource("/malformed/cases.tsv").toURI()).getParent();
    }

    private static List<Case> cases() throws IOException, URISyntaxException {
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("cases.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cases.add(new Case(f[0], List.of(f[1].split(" ")), f[2]));
        }
        return cases;
    }

    @Test
    void theCorpusCoversEveryFileAndAtLeastTwentyCases() throws IOException, URISyntaxException {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(20);
        try (Stream<Path> files = Files.list(corpus())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("cases.tsv")).sorted().toList();
            assertThat(cases.stream().map(Case::file).sorted().toList()).isEqualTo(names);
        }
    }

    @TestFactory
    Stream<DynamicTest> eachMalformedFileIsANamedErrorWithExitCodeTwoAndNoOutput(@TempDir Path dir) throws IOException, URISyntaxException {
        Path corpus = corpus();
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.file(), () -> {
            Path data = corpus.resolve(c.file());
            Path out = dir.resolve(c.file() + ".out");
            List<String> args = new ArrayList<>(List.of("fit"));
            args.addAll(c.arguments());
            args.addAll(List.of("--data", data.toString(), "--out", out.toString(), "--quiet", "--steps", "10"));
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("elbo4j fit: " + c.message().replace("{file}", data.toString()) + System.lineSeparator());
            assertThat(r.out()).isEmpty();
            assertThat(out).doesNotExist();
        }));
    }
}
