package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateReferenceTest;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixtureSameFamilyTest implements DistributionContract {

    static final Tensor LOGITS = Tensor.of(0.2, -1.0, 0.5, 0.0);
    static final Tensor LOCS = Tensor.of(-3.0, 0.0, 2.0, 6.0);
    static final Tensor SCALES = Tensor.of(0.5, 1.0, 0.3, 2.0);

    @Override
    public List<Named> instances() {
        Tensor locs2 = Tensor.of(new double[] {0, 0, 3, -1, -2, 4}, 3, 2);
        Tensor scales2 = Tensor.of(new double[] {1, 0.5, 0.3, 2, 1, 1}, 3, 2);
        Tensor tril = Tensor.of(new double[][] {{1, 0}, {0.5, 0.4}});
        return List.of(
                new Named("4 normals", MixtureSameFamily.ofLogits(LOGITS, Normal.of(LOCS, SCALES))),
                new Named("3 independent 2-d normals, probs", MixtureSameFamily.ofProbs(Tensor.of(0.2, 0.5, 0.3),
                        Independent.of(Normal.of(locs2, scales2), 1))),
                new Named("batch [2] of mixtures of 3 bivariate normals", MixtureSameFamily.ofLogits(
                        Tensor.of(new double[][] {{0, 1, 2}, {1, 0, -1}}),
                        MultivariateNormal.ofScaleTril(Tensor.of(new double[] {0, 0, 3, 1, -2, 4, 1, 1, 0, -3, 5, 5}, 2, 3, 2), tril))));
    }

    @Override
    public ParameterTable parameterTable() {
        return MixtureSameFamily.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("logits"), p -> MixtureSameFamily.ofLogits(p[0], Normal.of(LOCS, SCALES)), LOGITS),
                new Factory(List.of("probs"), p -> MixtureSameFamily.ofProbs(p[0], Normal.of(LOCS, SCALES)), Tensor.of(0.1, 0.2, 0.3, 0.4)));
    }

    @Test
    void logProbIsTheLogOfTheWeightedSumOfComponentDensities() {
        MixtureSameFamily m = MixtureSameFamily.ofLogits(LOGITS, Normal.of(LOCS, SCALES));
        double[] x = {-3.5, 0.1, 2.0, 40.0};
        double[] lp = m.logProb(Tensor.of(x)).value().toArray();
        double z = 0;
        for (double l : LOGITS.toArray()) {
            z += Math.exp(l);
        }
        for (int i = 0; i < x.length; i++) {
            double p = 0;
            double logMax = Double.NEGATIVE_INFINITY;
            double[] terms = new double[4];
            for (int k = 0; k < 4; k++) {
                terms[k] = Math.log(Math.exp(LOGITS.get(k)) / z) + Normal.of(LOCS.get(k), SCALES.get(k)).logProb(Tensor.scalar(x[i])).item();
                logMax = Math.max(logMax, terms[k]);
            }
            for (double t : terms) {
                p += Math.exp(t - logMax);
            }
            assertThat(lp[i]).isCloseTo(logMax + Math.log(p), offset(1e-12 * Math.max(1, Math.abs(lp[i]))));
        }
    }

    @Test
    void logProbIsDifferentiableInValueLogitsAndComponentParameters() {
        GradientChecker.Result r = GradientChecker.check(
                v -> MixtureSameFamily.ofLogits(v[1], Normal.of(v[2], v[3].exp())).logProb(v[0]),
                Tensor.of(-2.0, 0.3, 1.9, 7.0, 3.3), LOGITS, LOCS, SCALES.log());
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    /**
     * Seed 002's mixture of four Laplace components, locations and scales replayed from the
     * notebook's generator in {@code make_multivariate_reference.py}: {@code MixtureSameFamily} over
     * {@code Laplace.of(locs, scales)} against scipy, and the same mixture with Normal components.
     */
    @Test
    void seed002MixtureOfFourLaplaceComponentsMatchesScipy() throws IOException {
        JsonNode seed = MultivariateReferenceTest.reference().get("seed002");
        Tensor locs = MultivariateReferenceTest.tensor(seed.get("locs"));
        Tensor scales = MultivariateReferenceTest.tensor(seed.get("scales"));
        Tensor weights = MultivariateReferenceTest.tensor(seed.get("weights"));
        Tensor x = MultivariateReferenceTest.tensor(seed.get("x"));
        MixtureSameFamily laplaces = MixtureSameFamily.ofProbs(weights, Laplace.of(locs, scales));
        MultivariateReferenceTest.assertClose("seed 002 Laplace mixture log_prob", laplaces.logProb(x).value(), seed.get("laplace_log_prob"), 1e-12);
        MixtureSameFamily normals = MixtureSameFamily.ofProbs(weights, Normal.of(locs, scales));
        MultivariateReferenceTest.assertClose("seed 002 normal mixture log_prob", normals.logProb(x).value(), seed.get("normal_log_prob"), 1e-12);
        assertThat(laplaces.batchShape()).isEmpty();
        assertThat(laplaces.sample(RandomStream.of(2314), 200).shape()).containsExactly(200);
    }

    @Test
    void invalidMixingWeightsAreRejectedWithTheirValues() {
        Normal components = Normal.of(LOCS, SCALES);
        assertThatThrownBy(() -> MixtureSameFamily.ofProbs(Tensor.of(0.5, 0.5, 0.5, -0.5), components))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MixtureSameFamily probs must be in [0, 1], got -0.5");
        assertThatThrownBy(() -> MixtureSameFamily.ofProbs(Tensor.of(0.5, 0.5, 0.5, 0.5), components))
                .hasMessage("MixtureSameFamily probs must sum to 1 along the last axis, got a sum of 2.0");
        assertThatThrownBy(() -> MixtureSameFamily.ofLogits(Tensor.of(0.0, 0.0, 0.0), components))
                .hasMessage("MixtureSameFamily mixing logits must have shape [..., 4] (the component batch shape [4] ends with K = 4), got [3]");
        assertThatThrownBy(() -> MixtureSameFamily.ofLogits(Tensor.of(0.0), Normal.of(0, 1)))
                .hasMessage("MixtureSameFamily component batch shape must end with the component axis, got []");
    }
}
