package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The laws every distribution obeys, written once (as Commons Statistics' base distribution
 * tests): each implementation's test supplies instances. Monte Carlo checks use fixed seeds and
 * {@value #DRAWS} draws; tolerances are 4 standard errors, with the standard error of the mean
 * {@code √(σ²/n)} from the analytic variance and that of the variance
 * {@code √((m₄ - s⁴(n-3)/(n-1))/n)} from the sample's fourth central moment.
 *
 * <p>Each family declares its parameters once ({@code PARAMETERS}, a {@link ParameterTable});
 * the contract reads that table and generates invalid parameters for every factory
 * ({@link InvalidParameters}): each must be rejected with the message that names the family, the
 * argument, the rule and the value ({@code Normal scale must be > 0, got -1.0}).
 */
public interface DistributionContract {

    int DRAWS = 40_000;
    double STANDARD_ERRORS = 4.0;

    /** Instances to check, each with a label. */
    List<Named> instances();

    /** A labelled instance. */
    record Named(String label, Distribution distribution) {
    }

    /** The family's declared parameter table ({@code PARAMETERS}): invalid parameters are generated from it. */
    ParameterTable parameterTable();

    /**
     * The family's factories over data parameters: each takes the declared parameters it names, in
     * that order, and comes with valid values for them. Together they take every declared parameter.
     */
    List<Factory> factories();

    /** A factory of the family over the declared parameters {@code names}, with valid values. */
    record Factory(List<String> names, Function<Tensor[], Distribution> build, Tensor... valid) {
    }

    @Test
    default void everyDeclaredParameterIsTakenByAFactory() {
        Set<String> taken = new TreeSet<>();
        for (Factory f : factories()) {
            assertThat(f.valid()).as("valid values of %s", f.names()).hasSameSizeAs(f.names());
            taken.addAll(f.names());
        }
        assertThat(taken).isEqualTo(new TreeSet<>(parameterTable().names()));
        for (Factory f : factories()) {
            f.build().apply(f.valid());
        }
    }

    @TestFactory
    default Stream<DynamicTest> invalidParametersGeneratedFromTheDeclaredTableAreRejectedNamingArgumentValueAndRule() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Factory f : factories()) {
            for (int i = 0; i < f.names().size(); i++) {
                for (InvalidParameters.Case c : InvalidParameters.cases(parameterTable(), f.names(), f.valid(), i)) {
                    tests.add(DynamicTest.dynamicTest(c.label(), () -> assertThatThrownBy(() -> f.build().apply(c.arguments()))
                            .isInstanceOf(IllegalArgumentException.class)
                            .satisfies(e -> assertThat(c.message().test(e.getMessage()))
                                    .as("message %s, expected %s", e.getMessage(), c.expected()).isTrue())));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> sampleMomentsAreWithinFourStandardErrors() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named n : instances()) {
            tests.add(DynamicTest.dynamicTest(n.label(), () -> checkMoments(n.distribution(), n.label())));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> drawsHaveSampleBatchEventShapeAndFiniteLogProb() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named n : instances()) {
            tests.add(DynamicTest.dynamicTest(n.label(), () -> {
                Distribution d = n.distribution();
                Tensor x = d.sample(RandomStream.of(11), 3, 2);
                int[] expected = Broadcasting.concat(new int[] {3, 2}, Broadcasting.concat(d.batchShape(), d.eventShape()));
                assertThat(x.shape()).isEqualTo(expected);
                assertThat(d.support().check(x).min().item()).as("draws lie in the support").isEqualTo(1.0);
                Tensor lp = d.logProb(x).value();
                assertThat(lp.shape()).isEqualTo(Broadcasting.concat(new int[] {3, 2}, d.batchShape()));
                assertThat(lp.allFinite()).as("log p of draws is finite").isTrue();
            }));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> expandGivesTheRequestedBatchShape() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named n : instances()) {
            tests.add(DynamicTest.dynamicTest(n.label(), () -> {
                Distribution d = n.distribution();
                int[] target = Broadcasting.concat(new int[] {4}, d.batchShape());
                Distribution e = d.expand(target);
                assertThat(e.batchShape()).isEqualTo(target);
                assertThat(e.sample(RandomStream.of(5)).shape()).isEqualTo(Broadcasting.concat(target, d.eventShape()));
            }));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> reparameterizedDrawsMatchPlainDrawsFromTheSameStream() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Named n : instances()) {
            if (!n.distribution().hasRsample()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(n.label(), () -> {
                Var r = n.distribution().rsample(RandomStream.of(3), 5);
                Tensor s = n.distribution().sample(RandomStream.of(3), 5);
                assertThat(r.value()).isEqualTo(s);
            }));
        }
        return tests.stream();
    }

    private static void checkMoments(Distribution d, String label) {
        Tensor draws = d.sample(RandomStream.of(20_251_123L), DRAWS);
        double[] mean = d.mean().toArray();
        double[] variance = d.variance().toArray();
        int k = mean.length;
        double[] x = draws.toArray();
        for (int j = 0; j < k; j++) {
            if (!Double.isFinite(mean[j]) || !Double.isFinite(variance[j])) {
                continue;
            }
            double m = 0;
            for (int i = 0; i < DRAWS; i++) {
                m += x[i * k + j];
            }
            m /= DRAWS;
            double s2 = 0;
            double m4 = 0;
            for (int i = 0; i < DRAWS; i++) {
                double dev = x[i * k + j] - m;
                s2 += dev * dev;
                m4 += dev * dev * dev * dev;
            }
            s2 /= DRAWS - 1;
            m4 /= DRAWS;
            double seMean = Math.sqrt(variance[j] / DRAWS);
            // Var(s²) = (μ₄ - σ⁴ (n-3)/(n-1)) / n exactly (e.g. Cho, Cho & Eltinge, 2005); the O(1/n²)
            // term matters for two-point laws, where μ₄ = σ⁴ and the leading term vanishes.
            double seVar = Math.sqrt(Math.max(m4 - s2 * s2 * (DRAWS - 3.0) / (DRAWS - 1.0), 0) / DRAWS);
            assertThat(Math.abs(m - mean[j])).as("%s mean[%d]: sample %s vs %s (SE %s)", label, j, m, mean[j], seMean)
                    .isLessThanOrEqualTo(STANDARD_ERRORS * seMean + 1e-12 * Math.abs(mean[j]));
            assertThat(Math.abs(s2 - variance[j])).as("%s variance[%d]: sample %s vs %s (SE %s)", label, j, s2, variance[j], seVar)
                    .isLessThanOrEqualTo(STANDARD_ERRORS * seVar + 1e-12 * variance[j]);
        }
    }
}
