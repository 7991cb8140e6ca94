package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaModel;
import io.github.elbo4j.cli.fit.CorpusCsv;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * elbo4j's LDA against the scikit-learn peer ({@code peers/sklearn_lda.py}) on the same real
 * corpus (Debian package descriptions: 10000 train / 2000 test documents, 4000 terms) with the
 * same settings: K = 20, α = η = 1/K, online (minibatch 128, τ0 = 10, κ = 0.7, 10 passes) and
 * batch (50 passes), at most 100 iterations per document with mean-change tolerance 1e-3.
 *
 * <p>Speed: a full fit takes seconds, so this is a plain main class timed like the peer: the
 * median wall time of {@code --repeats} fits with the first seed (the first fit includes JIT
 * warm-up), each fit including the final E-step on the training corpus that yields the training
 * bound, as scikit-learn's {@code fit} does. Documents per second = train documents × passes /
 * median wall; per CPU second likewise with the process's CPU time (all threads, JIT and GC),
 * which a busy machine disturbs less than wall time.
 *
 * <p>Quality: held-out and training perplexity (scikit-learn's definition) for every seed of
 * {@code --seeds}, with their mean and standard deviation, since one seed's initial topics move
 * the held-out perplexity by a few percent. {@code --write-init DIR} writes each seed's initial
 * topics ({@link Lda#initialTopics}, K rows of V values) to {@code DIR/lda_init_<variant>_<seed>.csv}
 * so that {@code elbo4j-bench/peers/sklearn_lda_seeds.py --init-dir DIR} can start scikit-learn
 * from the very same topics. The top-10 words of the 5 topics with the largest expected token
 * share are listed for the first seed. Prints one JSON line.
 *
 * <p>Run: {@code bench/lda.sh}, or {@code java -cp elbo4j-bench/target/benchmarks.jar
 * io.github.elbo4j.bench.LdaBenchmark --data DIR [--threads 2] [--repeats 3] [--seeds 0]
 * [--variants online,batch] [--write-init DIR]}.
 */
public final class LdaBenchmark {

    private LdaBenchmark() {
    }

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        Path data = null;
        Path initDir = null;
        int threads = 2;
        int repeats = 3;
        long[] seeds = {0};
        List<String> variants = List.of("online", "batch");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (a) {
                case "--data": data = Path.of(v); i++; break;
                case "--threads": threads = Integer.parseInt(v); i++; break;
                case "--repeats": repeats = Integer.parseInt(v); i++; break;
                case "--seeds": seeds = Arrays.stream(v.split(",")).mapToLong(Long::parseLong).toArray(); i++; break;
                case "--variants": variants = Arrays.asList(v.split(",")); i++; break;
                case "--write-init": initDir = Path.of(v); i++; break;
                default: throw new IllegalArgumentException("unknown argument " + a + "; usage: --data DIR [--threads N] "
                        + "[--repeats R] [--seeds 0,1] [--variants online,batch] [--write-init DIR]");
            }
        }
        if (data == null) {
            throw new IllegalArgumentException("--data DIR (the folder with lda_docs_train.csv, lda_docs_test.csv, "
                    + "lda_vocab.txt) is required");
        }
        long t0 = System.nanoTime();
        List<String> vocabulary = CorpusCsv.readVocabulary(data.resolve("lda_vocab.txt"));
        DocumentTermMatrix train = CorpusCsv.read(data.resolve("lda_docs_train.csv"), vocabulary.size());
        DocumentTermMatrix test = CorpusCsv.read(data.resolve("lda_docs_test.csv"), vocabulary.size());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        List<String> results = new ArrayList<>();
        for (String variant : variants) {
            results.add(run(variant, train, test, vocabulary, threads, repeats, seeds, initDir));
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"peer\": \"elbo4j.cavi.Lda\", \"task\": \"lda_debian_descriptions_k20\", \"threads\": %d, "
                        + "\"java\": \"%s\", \"available_processors\": %d, "
                        + "\"train\": {\"docs\": %d, \"nnz\": %d, \"tokens\": %.0f}, "
                        + "\"test\": {\"docs\": %d, \"nnz\": %d, \"tokens\": %.0f}, \"data_load_s\": %.3f, "
                        + "\"repeats\": %d, \"results\": [%s]}",
                threads, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                train.documentCount(), train.nonZeroCount(), train.tokenCount(), test.documentCount(),
                test.nonZeroCount(), test.tokenCount(), loadSeconds, repeats, String.join(", ", results)));
    }

    private static Lda lda(String variant, int threads, long seed) {
        Lda.Builder b = Lda.builder().topics(20).batchSize(128).learningOffset(10).learningDecay(0.7)
                .maxDocumentIterations(100).documentTolerance(1e-3).seed(seed).threads(threads);
        if (variant.equals("online")) {
            return b.online().passes(10).build();
        }
        if (variant.equals("batch")) {
            return b.batch().passes(50).build();
        }
        throw new IllegalArgumentException("--variants takes online and/or batch, got " + variant);
    }

    private static String run(String variant, DocumentTermMatrix train, DocumentTermMatrix test,
                              List<String> vocabulary, int threads, int repeats, long[] seeds, Path initDir) {
        double[] walls = new double[repeats];
        double[] cpus = new double[repeats];
        LdaFit first = null;
        for (int r = 0; r < repeats; r++) {
            long c = processCpuNanos();
            long s = System.nanoTime();
            first = lda(variant, threads, seeds[0]).fit(train);
            walls[r] = (System.nanoTime() - s) / 1e9;
            cpus[r] = (processCpuNanos() - c) / 1e9;
        }
        double[] sorted = walls.clone();
        Arrays.sort(sorted);
        double median = sorted[repeats / 2];
        double[] sortedCpu = cpus.clone();
        Arrays.sort(sortedCpu);
        double medianCpu = sortedCpu[repeats / 2];
        int passes = lda(variant, threads, seeds[0]).settings().passes();
        long s = System.nanoTime();
        double firstTest = first.model().perplexity(test);
        double evalSeconds = (System.nanoTime() - s) / 1e9;
        double[] testPerplexity = new double[seeds.length];
        double[] trainPerplexity = new double[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            Lda lda = lda(variant, threads, seeds[i]);
            if (initDir != null) {
                writeInit(lda.initialTopics(train.vocabularySize()),
                        initDir.resolve("lda_init_" + variant + "_" + seeds[i] + ".csv"));
            }
            LdaFit fit = i == 0 ? first : lda.fit(train);
            testPerplexity[i] = i == 0 ? firstTest : fit.model().perplexity(test);
            trainPerplexity[i] = fit.trainingPerplexity();
        }
        return String.format(Locale.ROOT,
                "{\"variant\": \"%s\", \"passes\": %d, \"updates\": %d, \"fit_wall_s_median\": %.4f, "
                        + "\"fit_wall_s_all\": %s, \"fit_cpu_s_all\": %s, \"docs_per_s\": %.1f, "
                        + "\"docs_per_cpu_s\": %.1f, \"tokens_per_s\": %.1f, "
                        + "\"perplexity_test\": %.4f, \"perplexity_train\": %.4f, \"bound_train\": %.3f, "
                        + "\"mean_doc_iterations\": %.2f, \"test_perplexity_eval_s\": %.4f, "
                        + "\"seeds\": %s, \"perplexity_test_by_seed\": %s, \"perplexity_train_by_seed\": %s, "
                        + "\"perplexity_test_mean\": %.2f, \"perplexity_test_sd\": %.2f, "
                        + "\"perplexity_train_mean\": %.2f, \"perplexity_train_sd\": %.2f, \"top_topics\": %s}",
                variant, passes, first.updates(), median, json(walls, 4), json(cpus, 4),
                train.documentCount() * (double) passes / median, train.documentCount() * (double) passes / medianCpu,
                train.tokenCount() * passes / median, firstTest, first.trainingPerplexity(), first.trainingBound(),
                first.meanDocumentIterations(), evalSeconds, Arrays.toString(seeds), json(testPerplexity, 4),
                json(trainPerplexity, 4), mean(testPerplexity), sd(testPerplexity), mean(trainPerplexity),
                sd(trainPerplexity), topTopics(first.model(), train, vocabulary));
    }

    /** CPU time of the whole process (all threads, JIT and GC included), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void writeInit(Tensor topics, Path file) {
        int[] shape = topics.shape();
        double[] values = topics.toArray();
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                for (int k = 0; k < shape[0]; k++) {
                    StringBuilder line = new StringBuilder();
                    for (int w = 0; w < shape[1]; w++) {
                        line.append(w == 0 ? "" : ",").append(values[k * shape[1] + w]);   // shortest exact repr
                    }
                    out.println(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String json(double[] values, int decimals) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%." + decimals + "f", values[i]));
        }
        return sb.append("]").toString();
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    /** The 5 topics with the largest expected token share {@code Σ_d N_d θ̄_dk / N}, with their top-10 words. */
    private static String topTopics(LdaModel model, DocumentTermMatrix train, List<String> vocabulary) {
        int k = model.topics();
        double[] share = model.topicShares(train);
        Integer[] order = new Integer[k];
        for (int t = 0; t < k; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> Double.compare(share[b], share[a]));
        List<List<String>> words = model.topWords(10, vocabulary);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < Math.min(5, k); i++) {
            int t = order[i];
            sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "{\"topic\": %d, \"token_share\": %.4f, "
                    + "\"top10\": [\"%s\"]}", t, share[t], String.join("\", \"", words.get(t))));
        }
        return sb.append("]").toString();
    }
}
