package io.github.elbo4j.bench;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What the PSIS check after every fit costs on the logistic-regression benchmark (10,000 x 20):
 * the median wall time of 9 fits with and without the check (after 2 warm-up rounds), for the
 * benchmark's stochastic fit (Adam(0.05), 2,000 steps, the torch settings of
 * {@link LogisticAdviComparison}) and for the default fits of both guides. Usage:
 * {@code CheckCost ../shared/peers/data/logreg_10000x20.csv}.
 */
public final class CheckCost {

    private CheckCost() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Tensor[] data = LogisticAdviComparison.read(Path.of(args[0]));
        Model model = LogisticAdviComparison.model(data[0], data[1]);
        Supplier<Svi.Builder> adam = () -> Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(2000)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).seed(0);
        Supplier<Svi.Builder> meanField = () -> Svi.builder(model).guide(AutoGuide.meanField()).seed(0);
        Supplier<Svi.Builder> fullRank = () -> Svi.builder(model).guide(AutoGuide.fullRank()).seed(0);
        for (int warm = 0; warm < 2; warm++) {
            adam.get().build().run();
            meanField.get().build().run();
            fullRank.get().build().run();
        }
        report("Adam(0.05), 2000 steps (the benchmark's stochastic fit)", adam);
        report("default, mean field", meanField);
        report("default, full rank", fullRank);
    }

    private static void report(String label, Supplier<Svi.Builder> svi) {
        double without = median(() -> svi.get().diagnosticDraws(0).build().run());
        Fit checked = svi.get().build().run();
        double with = median(() -> svi.get().build().run());
        System.out.printf(Locale.ROOT, "%-55s fit %.3f s, with the check %.3f s (+%.1f %%), %d draws, k-hat %.2f%n", label, without,
                with, 100 * (with - without) / without, checked.diagnostics().draws(), checked.paretoK().orElse(Double.NaN));
    }

    private static double median(Supplier<Fit> fit) {
        double[] t = new double[9];
        for (int i = 0; i < t.length; i++) {
            long start = System.nanoTime();
            fit.get();
            t[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
