package io.github.elbo4j.cavi.gmm;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of the exact ELBO for every covariance type and both weight priors: coordinate ascent never
 * lowers it (up to rounding, {@code 1e-10} relative per sweep), and after every M-step it equals
 * scikit-learn's scale minus the constants that scale drops.
 */
class GaussianMixtureElboTest {

    private static final GmmTestData DATA = GmmTestData.threeClusters(600, 7);

    static Stream<Arguments> settings() {
        List<Arguments> out = new ArrayList<>();
        for (CovarianceType type : CovarianceType.values()) {
            out.add(Arguments.of(type, WeightPrior.dirichlet(0.2)));
            out.add(Arguments.of(type, WeightPrior.dirichletProcess(1.0)));
        }
        return out.stream();
    }

    private static double[][] softStart(int n, int k, long seed) {
        RandomStream rng = RandomStream.of(seed);
        double[][] r = new double[n][k];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < k; j++) {
                r[i][j] = -Math.log(rng.nextDouble());
                s += r[i][j];
            }
            for (int j = 0; j < k; j++) {
                r[i][j] /= s;
            }
        }
        return r;
    }

    private static void assertNonDecreasing(double[] history) {
        for (int t = 1; t < history.length; t++) {
            assertThat(history[t] - history[t - 1]).as("ELBO change in sweep %d (%s -> %s)", t + 1, history[t - 1], history[t])
                    .isGreaterThanOrEqualTo(-1e-10 * Math.abs(history[t]));
        }
    }

    @ParameterizedTest(name = "{0} covariance with {1} weights never lowers the ELBO from k-means++")
    @MethodSource("settings")
    void sweepsFromKMeansNeverLowerTheElbo(CovarianceType type, WeightPrior prior) {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(6).threads(1).covarianceType(type).weightPrior(prior)
                .maxSweeps(120).tolerance(0).seed(3).build().fit(DATA.x);
        assertThat(r.sweeps()).isEqualTo(120);
        assertNonDecreasing(r.elboTrace().values());
    }

    @ParameterizedTest(name = "{0} covariance with {1} weights never lowers the ELBO from random soft responsibilities")
    @MethodSource("settings")
    void sweepsFromRandomResponsibilitiesNeverLowerTheElbo(CovarianceType type, WeightPrior prior) {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(8).threads(1).covarianceType(type).weightPrior(prior)
                .initialization(GmmInitialization.fromResponsibilities(softStart(DATA.x.length, 8, 11)))
                .maxSweeps(150).tolerance(0).build().fit(DATA.x);
        double[] h = r.elboTrace().values();
        assertNonDecreasing(h);
        assertThat(h[h.length - 1]).isGreaterThan(h[0]);
    }

    @ParameterizedTest(name = "{0} covariance with {1} weights: the ELBO is scikit-learn''s scale minus its dropped constants")
    @MethodSource("settings")
    void exactElboIsScikitLearnScaleMinusDroppedConstants(CovarianceType type, WeightPrior prior) {
        GaussianMixtureResult r = GaussianMixtureVI.builder().components(5).threads(1).covarianceType(type).weightPrior(prior)
                .maxSweeps(40).tolerance(0).build().fit(DATA.x);
        double[] exact = r.elboTrace().values();
        double[] sklearn = r.sklearnScaleElboTrace().values();
        for (int t = 0; t < exact.length; t++) {
            assertThat(Math.abs(exact[t] + r.droppedConstants() - sklearn[t])).as("sweep %d", t + 1)
                    .isLessThanOrEqualTo(1e-10 * Math.abs(exact[t]));
        }
    }
}
