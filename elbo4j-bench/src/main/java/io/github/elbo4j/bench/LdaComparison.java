package io.github.elbo4j.bench;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cli.fit.CorpusCsv;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * elbo4j's row of {@code bench/compare} for the peers' {@code sklearn_lda.py}: LDA with K = 20,
 * α = η = 1/K, minibatches of 128, τ0 = 10, κ = 0.7, online for 10 passes and batch for 50, seed 0,
 * on the Debian corpus; wall time is the median of the repeats after one warm-up fit (the training
 * corpus's final E-step included, as scikit-learn's {@code fit}), quality the held-out and training
 * perplexities (scikit-learn's definition, {@link io.github.elbo4j.cavi.lda.LdaModel#perplexity}) and
 * training documents per second. One seed moves the held-out perplexity by a few percent on this
 * corpus (docs/lda.md compares 15 seeds of each).
 *
 * <p>Usage: {@code LdaComparison DATA_DIR [repeats=3] [threads=2]} with {@code lda_docs_train.csv},
 * {@code lda_docs_test.csv} and {@code lda_vocab.txt} in {@code DATA_DIR}.
 */
public final class LdaComparison {

    private LdaComparison() {
    }

    static Lda lda(String variant, int threads) {
        Lda.Builder b = Lda.builder().topics(20).batchSize(128).learningOffset(10).learningDecay(0.7).seed(0)
                .threads(threads);
        return variant.equals("online") ? b.online().passes(10).build() : b.batch().passes(50).build();
    }

    static Map<String, Object> run(String variant, DocumentTermMatrix train, DocumentTermMatrix test, int repeats,
                                   int threads) {
        Lda lda = lda(variant, threads);
        PeerFormat.Timed<LdaFit> timed = PeerFormat.timed(() -> lda.fit(train), repeats);
        LdaFit fit = timed.result();
        double wall = timed.medianSeconds();
        int passes = lda.settings().passes();
        Map<String, Object> quality = new LinkedHashMap<>();
        quality.put("perplexity_test", fit.model().perplexity(test));
        quality.put("perplexity_train", fit.trainingPerplexity());
        quality.put("docs_per_s", train.documentCount() * (double) passes / wall);
        Map<String, Object> v = PeerFormat.variant("LDA K=20 " + variant + ", " + passes + " passes, seed 0", variant,
                wall, passes, fit.trainingBound(), quality);
        v.put("elbo_note", "training bound after a fresh E-step (scikit-learn's score(X_train))");
        return v;
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> vocabulary = CorpusCsv.readVocabulary(dir.resolve("lda_vocab.txt"));
        DocumentTermMatrix train = CorpusCsv.read(dir.resolve("lda_docs_train.csv"), vocabulary.size());
        DocumentTermMatrix test = CorpusCsv.read(dir.resolve("lda_docs_test.csv"), vocabulary.size());
        List<Map<String, Object>> summary = List.of(run("online", train, test, repeats, threads),
                run("batch", train, test, repeats, threads));
        System.out.println(PeerFormat.line("lda_debian_descriptions_k20", dir.resolve("lda_docs_train.csv").toString(),
                threads, summary, Map.of("repeats", repeats)));
    }
}
