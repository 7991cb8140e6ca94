package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import io.github.elbo4j.cavi.lda.Lda;
import io.github.elbo4j.cavi.lda.LdaFit;
import io.github.elbo4j.cavi.lda.LdaSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * elbo4j's online LDA on one machine (which {@code SparkOnlineLda} equals to every printed digit) on
 * the Debian corpus of {@link LdaVsMllib}, with its settings (K = 20, α = η = 1/K, B = 128 or
 * f = 128/D, τ0 = 10, κ = 0.7, 10 passes, 2 threads), for the shuffled and the Bernoulli schedules and
 * the seeds {@code FIRST … LAST}: the held-out perplexity of each fit, then per schedule the mean, the
 * standard deviation and the standard error of the mean. More seeds than a Spark comparison can afford,
 * to tell a schedule's effect from a seed's.
 *
 * <p>Usage: {@code LdaScheduleSeeds DATA_DIR [first=0] [last=14]}.
 */
public final class LdaScheduleSeeds {

    private LdaScheduleSeeds() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int first = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int last = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        int vocabulary = Files.readAllLines(dir.resolve("lda_vocab.txt")).size();
        DocumentTermMatrix train = LdaVsMllib.read(dir.resolve("lda_docs_train.csv"), vocabulary);
        DocumentTermMatrix test = LdaVsMllib.read(dir.resolve("lda_docs_test.csv"), vocabulary);
        for (LdaSchedule schedule : new LdaSchedule[] {LdaSchedule.SHUFFLED, LdaSchedule.BERNOULLI}) {
            int n = last - first + 1;
            double[] perplexity = new double[n];
            for (int seed = first; seed <= last; seed++) {
                Lda.Builder builder = Lda.builder().topics(20).online().batchSize(128).learningOffset(10).learningDecay(0.7)
                        .passes(10).seed(seed).schedule(schedule).threads(2);
                if (schedule == LdaSchedule.BERNOULLI) {
                    builder.sampleFraction(128.0 / train.documentCount());
                }
                LdaFit fit = builder.build().fit(train);
                perplexity[seed - first] = fit.model().perplexity(test);
                System.out.printf(Locale.ROOT, "%-9s seed %2d: %d updates, held-out perplexity %.2f%n", schedule, seed,
                        fit.updates(), perplexity[seed - first]);
            }
            double mean = java.util.Arrays.stream(perplexity).average().orElseThrow();
            double ss = java.util.Arrays.stream(perplexity).map(p -> (p - mean) * (p - mean)).sum();
            double sd = Math.sqrt(ss / (n - 1));
            System.out.printf(Locale.ROOT, "%-9s seeds %d-%d: mean %.2f, sd %.2f, standard error %.2f%n", schedule, first,
                    last, mean, sd, sd / Math.sqrt(n));
        }
    }
}
