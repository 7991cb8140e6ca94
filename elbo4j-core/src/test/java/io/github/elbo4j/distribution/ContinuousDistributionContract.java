package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The laws of a univariate continuous family with differentiable parameters, on top of
 * {@link DistributionContract}: each test supplies the family as a function of its parameters
 * and points to check.
 *
 * <ul>
 * <li>{@code logProb} agrees with five-point finite differences in the value and in every
 * parameter ({@link GradientChecker}, error ≤ {@value #GRADIENT_TOLERANCE});</li>
 * <li>values outside the support get {@code -∞} with finite (zero) gradients in the parameters,
 * and {@link Distributions#strict} rejects them naming the family;</li>
 * <li>{@code cdf(icdf(p)) = p} (relative {@value #ROUND_TRIP_TOLERANCE}) where both exist, or
 * {@code p} lies between the cdf at the two doubles next to {@code icdf(p)} when the quantile is
 * not representable (e.g. {@code 1 - 1e-20});</li>
 * <li>a reparameterized draw that is an explicit function of its noise (location-scale and
 * inverse-cdf samplers) has the gradient of that function: the same seed at perturbed parameters
 * gives the finite difference. Implicitly reparameterized families (built on Gamma) say so and are
 * checked in {@code ImplicitReparameterizationTest} instead.</li>
 * </ul>
 */
public interface ContinuousDistributionContract extends DistributionContract {

    double GRADIENT_TOLERANCE = 1e-6;
    double ROUND_TRIP_TOLERANCE = 1e-9;

    /** A value and the family's parameters, as tensors that broadcast together. */
    record Point(Tensor value, Tensor... parameters) {
        @Override
        public String toString() {
            return "x=" + value + " params=" + Arrays.toString(parameters);
        }
    }

    /** The family as a function of its parameters (in factory order). */
    Function<Var[], Distribution> family();

    /** Points in the support where the log-density is smooth. */
    List<Point> gradientPoints();

    /** Points outside the support (none for families on the real line). */
    default List<Point> outsideSupport() {
        return List.of();
    }

    /** False when {@code rsample} is implicitly reparameterized (not a function of fixed noise). */
    default boolean rsampleIsExplicit() {
        return true;
    }

    /**
     * One factory: {@link #family()} over data parameters in the table's order, with the
     * parameters of the first gradient point as valid values.
     */
    @Override
    default List<Factory> factories() {
        return List.of(new Factory(parameterTable().names(), this::at, gradientPoints().get(0).parameters()));
    }

    private Distribution at(Tensor[] parameters) {
        Var[] p = new Var[parameters.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Var.constant(parameters[i]);
        }
        return family().apply(p);
    }

    @TestFactory
    default Stream<DynamicTest> logProbGradientMatchesFiniteDifferencesInValueAndParameters() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Point point : gradientPoints()) {
            tests.add(DynamicTest.dynamicTest(point.toString(), () -> {
                Tensor[] inputs = new Tensor[point.parameters().length + 1];
                inputs[0] = point.value();
                System.arraycopy(point.parameters(), 0, inputs, 1, point.parameters().length);
                GradientChecker.Result r = GradientChecker.check(
                        v -> family().apply(Arrays.copyOfRange(v, 1, v.length)).logProb(v[0]), inputs);
                assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(GRADIENT_TOLERANCE);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> valuesOutsideTheSupportHaveLogProbMinusInfinityAndZeroParameterGradients() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Point point : outsideSupport()) {
            tests.add(DynamicTest.dynamicTest(point.toString(), () -> {
                Tape tape = new Tape();
                Var[] params = new Var[point.parameters().length];
                for (int i = 0; i < params.length; i++) {
                    params[i] = tape.variable(point.parameters()[i]);
                }
                Var value = tape.variable(point.value());
                Var lp = family().apply(params).logProb(value);
                for (double v : lp.value().toArray()) {
                    assertThat(v).isEqualTo(Double.NEGATIVE_INFINITY);
                }
                var g = tape.gradient(lp.sum(), params);
                for (Var p : params) {
                    Tensor gp = g.of(p);
                    if (gp != null) {
                        for (double v : gp.toArray()) {
                            assertThat(Math.abs(v)).as("gradient of an out-of-support log p").isEqualTo(0.0);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> strictDistributionRejectsValuesOutsideTheSupport() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Point point : outsideSupport()) {
            tests.add(DynamicTest.dynamicTest(point.toString(), () -> {
                Distribution d = at(point.parameters());
                assertThatThrownBy(() -> Distributions.strict(d).logProb(point.value()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(d.getClass().getSimpleName() + " value must lie in its support");
            }));
        }
        return tests.stream();
    }

    @TestFactory
    default Stream<DynamicTest> cdfOfIcdfIsTheIdentity() {
        List<DynamicTest> tests = new ArrayList<>();
        Tensor p = Tensor.of(1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1 - 1e-6);
        for (Named n : instances()) {
            Distribution d = n.distribution();
            try {
                d.cdf(Tensor.scalar(0.5));
            } catch (UnsupportedOperationException e) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(n.label(), () -> {
                Tensor column = p.reshape(p.size(), 1);
                Tensor x = d.icdf(column.reshape(expandedShape(p.size(), d.batchShape().length)));
                double[] back = d.cdf(x).toArray();
                double[] below = d.cdf(x.map(Math::nextDown)).toArray();
                double[] above = d.cdf(x.map(Math::nextUp)).toArray();
                double[] expected = column.reshape(expandedShape(p.size(), d.batchShape().length))
                        .broadcastTo(x.shape()).toArray();
                for (int i = 0; i < back.length; i++) {
                    // either cdf(icdf(p)) = p, or icdf(p) is the nearest double to a quantile that has
                    // none (e.g. 1 - 1e-20): p lies between the cdf at its two neighbours
                    boolean bracketed = below[i] <= expected[i] && expected[i] <= above[i];
                    double error = Math.abs(back[i] - expected[i]) / expected[i];
                    assertThat(bracketed || error <= ROUND_TRIP_TOLERANCE)
                            .as("cdf(icdf(%s)) = %s (neighbours %s, %s)", expected[i], back[i], below[i], above[i]).isTrue();
                }
            }));
        }
        return tests.stream();
    }

    private static int[] expandedShape(int n, int batchRank) {
        int[] s = new int[batchRank + 1];
        Arrays.fill(s, 1);
        s[0] = n;
        return s;
    }

    @TestFactory
    default Stream<DynamicTest> explicitReparameterizedDrawsHaveTheGradientOfTheirNoiseTransform() {
        List<DynamicTest> tests = new ArrayList<>();
        if (!rsampleIsExplicit()) {
            return tests.stream();
        }
        for (Point point : gradientPoints()) {
            if (!at(point.parameters()).hasRsample()) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(point.toString(), () -> {
                GradientChecker.Result r = GradientChecker.check(
                        v -> family().apply(v).rsample(RandomStream.of(7), 3), 1e-4, 1L, point.parameters());
                assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(GRADIENT_TOLERANCE);
            }));
        }
        return tests.stream();
    }
}
