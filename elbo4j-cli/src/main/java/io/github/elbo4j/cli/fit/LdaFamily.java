package io.github.elbo4j.cli.fit;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaMethod;
import io.github.elbo4j.cavi.lda.LdaSchedule;
import io.github.elbo4j.infer.StepListener;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latent Dirichlet allocation by batch or online variational Bayes ({@link Lda}): {@code --data}
 * holds sparse counts {@code doc,word,count} (the layout of the peers' corpus), {@code --vocab}
 * one term per line, {@code --components} topics, {@code --steps} passes over the corpus
 * (default 10), priors α = η = 1/K. Summary rows: each topic's expected share of the training
 * tokens, largest first; the notes give its top ten words and the perplexities.
 */
final class LdaFamily implements ModelFamily {

    private static final int TOP_WORDS = 10;
    private static final int DEFAULT_TOPICS = 10;

    @Override
    public String name() {
        return "lda";
    }

    @Override
    public String description() {
        return "Latent Dirichlet allocation on sparse doc,word,count data, by batch or online variational Bayes";
    }

    @Override
    public long defaultSteps() {
        return 10;
    }

    @Override
    public FitOutcome fit(Path file, FitOptions o, StepListener progress) {
        if (o.vocabulary() == null) {
            throw new BadInputException("lda needs --vocab FILE (one term per line; term id = line number - 1)");
        }
        int topics = o.components().orElse(DEFAULT_TOPICS);
        if (o.batchSize() < 1) {
            throw new BadInputException("--batch-size must be >= 1, got " + o.batchSize());
        }
        LdaMethod method = switch (o.method()) {
            case "batch" -> LdaMethod.BATCH;
            case "online" -> LdaMethod.ONLINE;
            default -> throw new BadInputException("--method must be batch or online, got '" + o.method() + "'");
        };
        LdaSchedule schedule = switch (o.schedule().orElse("in-order")) {
            case "in-order" -> LdaSchedule.IN_ORDER;
            case "shuffled" -> LdaSchedule.SHUFFLED;
            case "bernoulli" -> LdaSchedule.BERNOULLI;
            default -> throw new BadInputException("--schedule must be in-order, shuffled or bernoulli, got '" + o.schedule().get() + "'");
        };
        if (o.schedule().isPresent() && method != LdaMethod.ONLINE) {
            throw new BadInputException("--schedule applies to --method online only, got --method " + o.method());
        }
        if (o.steps() > Integer.MAX_VALUE) {
            throw new BadInputException("--steps (passes) must be <= " + Integer.MAX_VALUE + ", got " + o.steps());
        }
        List<String> vocabulary = read(o.vocabulary(), "--vocab", () -> CorpusCsv.readVocabulary(o.vocabulary()));
        DocumentTermMatrix train = read(file, "--data", () -> CorpusCsv.read(file, vocabulary.size()));
        DocumentTermMatrix test = o.heldOut() == null ? null : read(o.heldOut(), "--test", () -> CorpusCsv.read(o.heldOut(), vocabulary.size()));
        if (!(train.tokenCount() > 0)) {
            throw new BadInputException(file + ": the documents hold no tokens (every count is 0)");
        }
        if (test != null && !(test.tokenCount() > 0)) {
            throw new BadInputException(o.heldOut() + ": the documents hold no tokens (every count is 0)");
        }
        Lda lda = Lda.builder().topics(topics).method(method).passes((int) o.steps()).batchSize(o.batchSize())
                .schedule(schedule).seed(o.seed()).threads(o.threads()).build();
        LdaFit fit = lda.fit(train, (sweep, elbo) -> progress.onStep(sweep, elbo, Double.NaN, 0));
        double[] share = fit.model().topicShares(train);
        Integer[] order = new Integer[share.length];
        Arrays.setAll(order, t -> t);
        Arrays.sort(order, (a, b) -> Double.compare(share[b], share[a]));
        List<List<String>> words = fit.model().topWords(Math.min(TOP_WORDS, vocabulary.size()), vocabulary);
        List<FitOutcome.SummaryRow> rows = new ArrayList<>();
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("documents", train.documentCount() + " training, " + train.nonZeroCount() + " non-zero counts, "
                + String.format(Locale.ROOT, "%.0f", train.tokenCount()) + " tokens, vocabulary " + vocabulary.size());
        notes.put("training bound (scikit-learn's score)", String.format(Locale.ROOT, "%.4f", fit.trainingBound()));
        notes.put("training perplexity", String.format(Locale.ROOT, "%.6f", fit.trainingPerplexity()));
        if (test != null) {
            notes.put("held-out perplexity (" + test.documentCount() + " documents)",
                    String.format(Locale.ROOT, "%.6f", fit.model().perplexity(test)));
        }
        for (int t : order) {
            rows.add(new FitOutcome.SummaryRow("topic[" + t + "] share", share[t], Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN));
            notes.put("topic " + t, String.join(" ", words.get(t)));
        }
        String how = method == LdaMethod.BATCH ? "batch variational Bayes" : String.format(Locale.ROOT,
                "online variational Bayes (minibatch %d, tau0 10, kappa 0.7, schedule %s)", o.batchSize(),
                o.schedule().orElse("in-order"));
        if (method != LdaMethod.BATCH) {
            notes.put("ELBO chart", "online fits compute no bound per pass, so the chart holds the final training bound only");
        }
        notes.put("method", "LDA, " + topics + " topics, " + how + ", " + o.steps() + " passes, seed " + o.seed());
        return FitOutcome.of(name(), fit.toFit(), rows, notes, Map.of("topic_word_lambda", fit.model().topicWord()));
    }

    /** Reads with the core readers, turning their format and I/O errors into bad input (exit code 2). */
    private static <T> T read(Path file, String role, java.util.function.Supplier<T> reader) {
        TextFile.requireReadableFile(file, role);
        try {
            return reader.get();
        } catch (UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read (" + e.getCause().getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }
}
