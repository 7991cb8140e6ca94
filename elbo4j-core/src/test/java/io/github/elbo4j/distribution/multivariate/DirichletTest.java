package io.github.elbo4j.distribution.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirichletTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("Dir(1,1,1)", Dirichlet.of(1, 1, 1)),
                new Named("Dir(0.5,2,3.5)", Dirichlet.of(0.5, 2, 3.5)),
                new Named("Dir(30,20)", Dirichlet.of(30, 20)),
                new Named("batch [2] of K=3", Dirichlet.of(Tensor.of(new double[][] {{2, 3, 4}, {0.7, 0.9, 5}}))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Dirichlet.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("concentration"), p -> Dirichlet.of(p[0]), Tensor.of(new double[][] {{2, 3, 4}, {0.7, 0.9, 5}})));
    }

    @Test
    void logProbIsDifferentiableInValueAndConcentration() {
        // the value is y / Σ y and the concentration exp(log α): every perturbation stays valid
        GradientChecker.Result r = GradientChecker.check(
                v -> Dirichlet.of(v[1].exp()).logProb(v[0].div(v[0].sum(-1).reshape(2, 1))),
                Tensor.of(new double[][] {{0.2, 0.5, 0.3}, {1.0, 2.0, 0.5}}), Tensor.of(0.3, -0.2, 1.1));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void entropyIsDifferentiableInTheConcentration() {
        GradientChecker.Result r = GradientChecker.check(v -> Dirichlet.of(v[0].exp()).entropy(), Tensor.of(0.3, -0.2, 1.1));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void aZeroCoordinateWithUnitConcentrationHasAFiniteDensity() {
        // Dir(1, 2, 3) at (0, ½, ½): log Γ(6)/(Γ(1)Γ(2)Γ(3)) + 1·log ½ + 2·log ½ = log 60 - 3 log 2 = log 7.5
        assertThat(Dirichlet.of(1, 2, 3).logProb(Tensor.of(0.0, 0.5, 0.5)).item()).isCloseTo(Math.log(7.5), offset(1e-14));
    }

    @Test
    void valuesOffTheSimplexHaveMinusInfiniteLogProbAndStrictModeRejectsThem() {
        Dirichlet d = Dirichlet.of(2, 3, 4);
        Tensor x = Tensor.of(new double[][] {{0.2, 0.3, 0.5}, {0.2, 0.3, 0.6}, {-0.1, 0.6, 0.5}});
        double[] lp = d.logProb(x).value().toArray();
        assertThat(lp[0]).isFinite();
        assertThat(lp[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lp[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Dirichlet value must lie in its support Simplex[]")
                .hasMessageEndingWith("(first violation at flat index 1)");
    }

    @Test
    void invalidConcentrationsAreRejectedWithTheirValues() {
        assertThatThrownBy(() -> Dirichlet.of(1, -1, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Dirichlet concentration must be > 0, got -1.0");
        assertThatThrownBy(() -> Dirichlet.of(2.0)).hasMessage("Dirichlet concentration must have shape [..., K] with K >= 2, got [1]");
    }

    /**
     * The pathwise (implicit reparameterization) gradient of {@code E[f(x)]} against the exact one and
     * against the score-function estimate {@code E[(f(x) - E f) ∇ log p(x)]}, within 4 standard errors
     * of the difference; {@code f(x) = x_0² + x_1}, so {@code E f = α₀(α₀+1)/(A(A+1)) + α₁/A}, {@code A = Σα}.
     * One draw per row of an {@code [n, K]} leaf gives per-draw gradients, hence the standard errors.
     */
    @Test
    void implicitReparameterizationGradientMatchesTheExactAndTheScoreFunctionGradient() {
        double[] alpha = {1.5, 0.6, 3.0};
        int n = 100_000;
        int k = alpha.length;
        Tensor leafValue = Tensor.of(alpha).broadcastTo(n, k);
        Tape tape = new Tape();
        Var leaf = tape.variable(leafValue);
        Var x = Dirichlet.of(leaf).rsample(RandomStream.of(2024));
        Var f = x.slice(-1, 0, 1).square().add(x.slice(-1, 1, 2)).sum();
        Tensor pathwise = tape.gradient(f, leaf).of(leaf);

        double a = alpha[0] + alpha[1] + alpha[2];
        double ef = alpha[0] * (alpha[0] + 1) / (a * (a + 1)) + alpha[1] / a;
        Tape scoreTape = new Tape();
        Var scoreLeaf = scoreTape.variable(leafValue);
        Tensor xs = x.value();
        Tensor centered = xs.slice(-1, 0, 1).square().add(xs.slice(-1, 1, 2)).sub(ef);
        Var logP = Dirichlet.of(scoreLeaf).logProb(xs).sum();
        Tensor score = scoreTape.gradient(logP, scoreLeaf).of(scoreLeaf).mul(centered);

        double h = a * (a + 1);
        double dh = 2 * a + 1;
        for (int j = 0; j < k; j++) {
            double dg = j == 0 ? 2 * alpha[0] + 1 : 0;
            double exact = (dg * h - alpha[0] * (alpha[0] + 1) * dh) / (h * h) + ((j == 1 ? a : 0) - alpha[1]) / (a * a);
            double[] pj = pathwise.indexSelect(1, j).toArray();
            double[] sj = score.indexSelect(1, j).toArray();
            double[] pm = meanAndStandardError(pj);
            double[] sm = meanAndStandardError(sj);
            System.out.printf("Dirichlet d E f/d alpha_%d: pathwise %.5f (SE %.5f), score function %.5f (SE %.5f), exact %.5f%n",
                    j, pm[0], pm[1], sm[0], sm[1], exact);
            assertThat(Math.abs(pm[0] - exact)).as("pathwise d/dα_%d: %s vs exact %s (SE %s)", j, pm[0], exact, pm[1])
                    .isLessThanOrEqualTo(4 * pm[1]);
            assertThat(Math.abs(pm[0] - sm[0])).as("pathwise %s vs score function %s (SEs %s, %s)", pm[0], sm[0], pm[1], sm[1])
                    .isLessThanOrEqualTo(4 * Math.hypot(pm[1], sm[1]));
            assertThat(pm[1]).as("the pathwise estimator has the smaller variance").isLessThan(sm[1]);
        }
    }

    static double[] meanAndStandardError(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(s / (v.length - 1) / v.length)};
    }

    @Test
    void drawsWithTinyConcentrationsStayOnTheSimplexWithFiniteGradients() {
        Tape tape = new Tape();
        Var alpha = tape.variable(Tensor.of(0.01, 0.02, 0.05));
        Var x = Dirichlet.of(alpha).rsample(RandomStream.of(5), 1000);
        assertThat(new io.github.elbo4j.transform.Constraint.Simplex().check(x.value()).min().item()).isEqualTo(1.0);
        Tensor g = tape.gradient(x.slice(-1, 0, 1).sum(), alpha).of(alpha);
        assertThat(g.allFinite()).isTrue();
    }
}
