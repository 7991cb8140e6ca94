package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cli.fit.CorpusCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code elbo4j fit lda}. The corpus has two topics that share no term: documents 0, 2, 4, … hold
 * terms 0–4 four times each, the others terms 5–9 four times each. A two-topic fit must give each
 * topic one of the two term sets as its top five words and half of the tokens. The optimum is
 * unique up to swapping labels, so the held-out perplexity must equal scikit-learn's on the same
 * corpus and settings: 6.7506781978 for seeds 0–4 alike ({@code reference/make_lda_cli_reference.py},
 * output in {@code reference/lda_cli_reference.txt}). It is not 5, the perplexity of a uniform
 * choice among five terms: the bound also pays the documents' and topics' KL terms.
 */
class LdaFitCommandTest {

    private static final double SKLEARN_HELD_OUT_PERPLEXITY = 6.7506781978;

    private static String corpus(int documents) {
        StringBuilder sb = new StringBuilder("doc,word,count\n");
        for (int d = 0; d < documents; d++) {
            int first = d % 2 == 0 ? 0 : 5;
            for (int w = first; w < first + 5; w++) {
                sb.append(d).append(',').append(w).append(",4\n");
            }
        }
        return sb.toString();
    }

    private static Path write(Path dir, String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static Path vocabulary(Path dir) throws IOException {
        return write(dir, "vocab.txt", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\n");
    }

    @Test
    void twoDisjointTopicsAreFoundWithHalfTheTokensEach(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(40));
        Path test = write(dir, "test.csv", corpus(10));
        Path out = dir.resolve("fit");
        CliRun r = CliRun.of("fit", "lda", "--data", train.toString(), "--vocab", vocabulary(dir).toString(),
                "--test", test.toString(), "--components", "2", "--steps", "30", "--out", out.toString(), "--quiet");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(out.resolve("posterior.json").toFile());
        assertThat(doc.get("command").get("model").asText()).isEqualTo("lda");
        Set<Set<String>> topics = new HashSet<>();
        double shareSum = 0;
        for (JsonNode row : doc.get("command").get("rows")) {
            String name = row.get("name").asText();
            int topic = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.indexOf(']')));
            double share = row.get("mean").asDouble();
            shareSum += share;
            // E_q[θ_d] of a pure document is (20 + α) / (20 + 2α) = 0.976 with α = 1/2, so a topic's
            // share is 0.5 up to the 0.024 each document leaks to the other topic: 0.5 ± 0.025.
            assertThat(share).as(name).isBetween(0.475, 0.525);
            String[] words = doc.get("command").get("notes").get("topic " + topic).asText().split(" ");
            topics.add(Set.of(words).stream().limit(5).collect(java.util.stream.Collectors.toSet()));
            assertThat(Set.of(List.of(words).subList(0, 5).toArray(new String[0])))
                    .isIn(Set.of("alpha", "beta", "gamma", "delta", "epsilon"), Set.of("zeta", "eta", "theta", "iota", "kappa"));
        }
        assertThat(shareSum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(doc.get("command").get("rows")).hasSize(2);
        // the fit's own summary: every entry of the 2 x 10 topic-word Dirichlet factor
        assertThat(doc.get("summary")).hasSize(20);
        double perplexity = Double.parseDouble(doc.get("command").get("notes").get("held-out perplexity (10 documents)").asText());
        // The note has 6 decimals; both fits stop each document's E-step at a mean change of 1e-3.
        assertThat(perplexity).isCloseTo(SKLEARN_HELD_OUT_PERPLEXITY, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(doc.get("elboTrace").get("values")).hasSize(30);
        // The trace is batch VB's bound L(γ, λ) after each pass (LdaFit.history). The CLI's batch
        // fits start every pass's E-step from fresh random γ (scikit-learn's choice), which is not
        // coordinate ascent: the bound carries no guarantee to rise from pass to pass (warm starts do,
        // and cavi.LdaBoundTest checks that). What holds for every pass: (1) it is the core fit's
        // bound for the same settings (seed 42, K = 2, 30 passes; the bits do not depend on the
        // threads), in order; (2) an ELBO is at most log p(w), which is at most the log-likelihood of
        // the best multinomial for each document: 20 tokens spread evenly over 5 terms, so
        // log p(w) <= 40 · 20 · log(1/5) = -1287.55. Catches a trace that is reversed, shifted by a
        // pass, taken from another fit or restart, sign-flipped, or per token (the trace settles at
        // -1416.59 by the fourth pass, 129 nats below the ceiling: the documents' and topics' KL terms).
        double[] core = Lda.builder().topics(2).passes(30).seed(42).threads(1).build()
                .fit(CorpusCsv.read(train, 10)).elboTrace().values();
        double logLikelihoodCeiling = 40 * 20 * Math.log(1.0 / 5);
        int pass = 0;
        for (JsonNode e : doc.get("elboTrace").get("values")) {
            assertThat(e.asDouble()).as("pass %d", pass + 1).isEqualTo(core[pass]).isLessThan(logLikelihoodCeiling);
            pass++;
        }
        assertThat(Files.readString(out.resolve("report.html"))).contains("elbo4j fit: lda").contains("topic 0");
        JsonNode lambda = doc.get("command").get("arrays").get("topic_word_lambda");
        assertThat(lambda.get("shape").toString()).isEqualTo("[2,10]");
        double lambdaTotal = 0;
        for (JsonNode v : lambda.get("values")) {
            assertThat(v.asDouble()).isGreaterThanOrEqualTo(0.5);          // λ = η + expected counts, η = 1/2
            lambdaTotal += v.asDouble();
        }
        // Σ λ = K·V·η + the training tokens (each token's φ sums to 1): 2·10·0.5 + 40·20 = 810
        assertThat(lambdaTotal).isCloseTo(810.0, org.assertj.core.data.Offset.offset(1e-6));
        Path page = dir.resolve("redrawn.html");
        CliRun report = CliRun.of("report", out.resolve("posterior.json").toString(), "--out", page.toString());
        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(Files.readString(page)).contains("elbo4j fit: lda").contains("—");
    }

    @Test
    void onlineFitsFindTheSameTopics(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(40));
        Path out = dir.resolve("fit");
        CliRun r = CliRun.of("fit", "lda", "--data", train.toString(), "--vocab", vocabulary(dir).toString(),
                "--components", "2", "--method", "online", "--batch-size", "8", "--steps", "20", "--out", out.toString(),
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("command").get("notes").get("method").asText()).contains("online variational Bayes (minibatch 8");
        for (JsonNode row : doc.get("command").get("rows")) {
            assertThat(row.get("mean").asDouble()).isBetween(0.475, 0.525);
        }
    }

    /**
     * {@code --schedule} reaches the fit: the saved provenance records it, each schedule finds the
     * two topics, and the three fits differ (the documents each update sees differ). Catches the
     * option parsed but not passed to {@code Lda}.
     */
    @Test
    void theScheduleReachesTheFit(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(40));
        java.util.Map<String, String> shares = new java.util.HashMap<>();
        for (String schedule : List.of("in-order", "shuffled", "bernoulli")) {
            Path out = dir.resolve(schedule);
            CliRun r = CliRun.of("fit", "lda", "--data", train.toString(), "--vocab", vocabulary(dir).toString(),
                    "--components", "2", "--method", "online", "--batch-size", "8", "--steps", "20", "--schedule", schedule,
                    "--out", out.toString(), "--json");
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode doc = new ObjectMapper().readTree(r.out());
            assertThat(doc.get("command").get("notes").get("method").asText()).contains("schedule " + schedule);
            JsonNode saved = new ObjectMapper().readTree(out.resolve("posterior.json").toFile());
            assertThat(saved.get("provenance").get("settings").get("schedule").asText())
                    .isEqualTo(schedule.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            StringBuilder rows = new StringBuilder();
            for (JsonNode row : doc.get("command").get("rows")) {
                assertThat(row.get("mean").asDouble()).isBetween(0.45, 0.55);
                rows.append(row.get("mean").asText()).append(' ');
            }
            shares.put(schedule, rows.toString());
        }
        assertThat(java.util.Set.copyOf(shares.values())).hasSize(3);
    }

    @Test
    void aScheduleOutsideOnlineLdaIsNamed(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(4));
        assertBadInput(dir, "--schedule must be in-order, shuffled or bernoulli, got 'random'",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString(), "--method", "online", "--schedule", "random");
        assertBadInput(dir, "--schedule applies to --method online only, got --method batch",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString(), "--schedule", "shuffled");
    }

    private static void assertBadInput(Path dir, String message, String... args) throws IOException {
        Path out = dir.resolve("out");
        String[] all = Stream.concat(Stream.of("fit", "lda"), Stream.concat(Stream.of(args),
                Stream.of("--out", out.toString(), "--quiet"))).toArray(String[]::new);
        CliRun r = CliRun.of(all);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().trim()).isEqualTo("elbo4j fit: " + message);
        assertThat(Files.exists(out) ? Files.list(out).toList() : List.of()).isEmpty();
    }

    @Test
    void aMissingVocabularyIsNamed(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(4));
        assertBadInput(dir, "lda needs --vocab FILE (one term per line; term id = line number - 1)",
                "--data", train.toString());
    }

    @Test
    void aNegativeCountNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", "doc,word,count\n0,1,2\n0,2,-1\n");
        assertBadInput(dir, train + " line 3, column 3 (count): count must be finite and >= 0, got -1",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString());
    }

    @Test
    void aTermOutsideTheVocabularyNamesFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", "doc,word,count\n0,1,2\n1,10,1\n");
        assertBadInput(dir, train + " line 3, column 2 (word): term id must be in [0, 10), got 10",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString());
    }

    @Test
    void anUnknownMethodIsNamed(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(4));
        assertBadInput(dir, "--method must be batch or online, got 'gibbs'",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString(), "--method", "gibbs");
    }

    @Test
    void aCorpusWithoutTokensIsRejected(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", "doc,word,count\n0,1,0\n1,2,0\n");
        assertBadInput(dir, train + ": the documents hold no tokens (every count is 0)",
                "--data", train.toString(), "--vocab", vocabulary(dir).toString());
    }

    @Test
    void aMissingHeldOutFileIsNamed(@TempDir Path dir) throws IOException {
        Path train = write(dir, "train.csv", corpus(4));
        Path absent = dir.resolve("absent.csv");
        assertBadInput(dir, absent + ": no such file", "--data", train.toString(), "--vocab",
                vocabulary(dir).toString(), "--test", absent.toString());
    }
}
