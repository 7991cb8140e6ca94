package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Cauchy;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Gumbel;
import io.github.elbo4j.distribution.continuous.HalfStudentT;
import io.github.elbo4j.distribution.continuous.InverseGamma;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Logistic;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.continuous.Pareto;
import io.github.elbo4j.distribution.continuous.StudentT;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.distribution.continuous.VonMises;
import io.github.elbo4j.distribution.continuous.Weibull;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code Family.of(Var, double)} and {@code Family.of(double, Var)} are {@code Family.of(Var, Var)}
 * with a constant in place of the double: the same log-density, and the gradient reaches the
 * {@code Var} argument.
 */
class MixedFactoryOverloadsTest {

    /** A two-parameter family: its three factories, valid parameters and a point of its support. */
    private record Family(String name, BiFunction<Var, Var, Distribution> both, BiFunction<Var, Double, Distribution> varFirst,
                          BiFunction<Double, Var, Distribution> varSecond, double a, double b, double x) {
    }

    private static List<Family> families() {
        return List.of(
                new Family("Normal", Normal::of, Normal::of, Normal::of, 0.3, 1.7, 0.9),
                new Family("LogNormal", LogNormal::of, LogNormal::of, LogNormal::of, 0.3, 0.7, 1.9),
                new Family("Laplace", Laplace::of, Laplace::of, Laplace::of, 0.3, 1.7, 0.9),
                new Family("Cauchy", Cauchy::of, Cauchy::of, Cauchy::of, 0.3, 1.7, 0.9),
                new Family("Logistic", Logistic::of, Logistic::of, Logistic::of, 0.3, 1.7, 0.9),
                new Family("Gumbel", Gumbel::of, Gumbel::of, Gumbel::of, 0.3, 1.7, 0.9),
                new Family("Gamma", Gamma::of, Gamma::of, Gamma::of, 2.5, 1.5, 0.9),
                new Family("Beta", Beta::of, Beta::of, Beta::of, 2.5, 1.5, 0.4),
                new Family("Weibull", Weibull::of, Weibull::of, Weibull::of, 1.5, 2.5, 0.9),
                new Family("InverseGamma", InverseGamma::of, InverseGamma::of, InverseGamma::of, 2.5, 1.5, 0.9),
                new Family("VonMises", VonMises::of, VonMises::of, VonMises::of, 0.3, 1.7, 0.9),
                new Family("Uniform", Uniform::of, Uniform::of, Uniform::of, 0.3, 1.7, 0.9),
                new Family("Pareto", Pareto::of, Pareto::of, Pareto::of, 0.3, 1.7, 0.9),
                new Family("HalfStudentT", HalfStudentT::of, HalfStudentT::of, HalfStudentT::of, 3.0, 1.7, 0.9),
                new Family("StudentT(3, loc, scale)", (l, s) -> StudentT.of(3.0, l, s), (l, s) -> StudentT.of(3.0, l, s),
                        (l, s) -> StudentT.of(3.0, l, s), 0.3, 1.7, 0.9));
    }

    @TestFactory
    Stream<DynamicTest> eitherParameterMayBeAVarAndTheOtherADouble() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Family f : families()) {
            tests.add(DynamicTest.dynamicTest(f.name(), () -> {
                Tensor x = Tensor.scalar(f.x());
                double expected = f.both().apply(Var.constant(f.a()), Var.constant(f.b())).logProb(x).item();
                Tape tape = new Tape();
                Var a = tape.variable(Tensor.scalar(f.a()));
                Var b = tape.variable(Tensor.scalar(f.b()));
                Var lpA = f.varFirst().apply(a, f.b()).logProb(x);
                Var lpB = f.varSecond().apply(f.a(), b).logProb(x);
                assertThat(lpA.item()).isEqualTo(expected);
                assertThat(lpB.item()).isEqualTo(expected);
                var g = tape.gradient(lpA.add(lpB), a, b);
                Tape reference = new Tape();
                Var ra = reference.variable(Tensor.scalar(f.a()));
                Var rb = reference.variable(Tensor.scalar(f.b()));
                var rg = reference.gradient(f.both().apply(ra, rb).logProb(x), ra, rb);
                assertThat(g.get(0).item()).isEqualTo(rg.get(0).item());
                assertThat(g.get(1).item()).isEqualTo(rg.get(1).item());
            }));
        }
        return tests.stream();
    }
}
