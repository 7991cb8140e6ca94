package io.github.elbo4j.examples;

import io.github.elbo4j.cavi.gmm.GaussianMixtureResult;
import io.github.elbo4j.cavi.gmm.GaussianMixtureVI;
import io.github.elbo4j.cavi.gmm.WeightPrior;
import java.util.Locale;
import java.util.Random;

/**
 * A Bayesian Gaussian mixture fitted by coordinate-ascent VI (closed-form updates, the exact
 * ELBO after every sweep). The Dirichlet-process prior on the weights lets the fit switch off the
 * components the data do not need: ask for 8, get the 3 that are there.
 */
public final class GaussianMixtureWithCavi {

    private GaussianMixtureWithCavi() {
    }

    /** Simulates 600 points from three 2-D clusters, fits, prints the weights and means that matter. */
    public static void main(String[] args) {
        Random random = new Random(3);
        double[][] centres = {{-4, 0}, {0, 3}, {3, -2}};
        double[][] data = new double[600][];
        for (int i = 0; i < data.length; i++) {
            double[] c = centres[i % 3];
            data[i] = new double[] {c[0] + random.nextGaussian(), c[1] + 0.5 * random.nextGaussian()};
        }

        GaussianMixtureResult fit = GaussianMixtureVI.builder()
                .components(8)
                .weightPrior(WeightPrior.dirichletProcess(1.0))
                .seed(42)
                .build()
                .fit(data);

        System.out.printf(Locale.ROOT, "%d sweeps, converged: %b, ELBO %.3f%n", fit.sweeps(), fit.converged(), fit.elbo());
        double[] weights = fit.weights().toArray();
        double[] means = fit.means().toArray();
        for (int k = 0; k < weights.length; k++) {
            if (weights[k] > 0.01) {
                System.out.printf(Locale.ROOT, "component %d: weight %.3f, mean (%.2f, %.2f)%n", k, weights[k], means[2 * k], means[2 * k + 1]);
            }
        }
    }
}
