package io.github.elbo4j.bnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

class WeightPriorTest {

    private static final Tensor LOC = Tensor.of(0.3, -1.2, 2.0);
    private static final Tensor RHO = Tensor.of(-1.0, 0.5, -3.0);

    /** {@code (1/K) Σ_k [log q(w_k) - log p(w_k)]} over K draws of q, and its standard error. */
    private static double[] monteCarloKl(WeightPrior prior, int k) {
        Var loc = Var.constant(LOC);
        Var scale = Var.constant(RHO).softplus();
        RandomStream rng = RandomStream.of(3);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < k; i++) {
            double[] e = new double[3];
            rng.fillGaussian(e);
            Tensor eps = Tensor.of(e);
            Var w = loc.add(scale.mul(eps));
            double logQ = scale.log().neg().sub(eps.square().mul(0.5).add(0.5 * Math.log(2 * Math.PI))).sum().item();
            double d = logQ - prior.logDensity(w).sum().item();
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / k;
        return new double[] {mean, Math.sqrt((sumSq / k - mean * mean) / k)};
    }

    @Test
    void normalKlIsTheMonteCarloKl() {
        NormalPrior prior = NormalPrior.of(0.7);
        double exact = prior.klDivergence(Var.constant(LOC), Var.constant(RHO).softplus(), RandomStream.of(1)).item();
        double[] mc = monteCarloKl(prior, 40_000);
        assertThat(Math.abs(exact - mc[0])).as("exact %s, MC %s ± %s", exact, mc[0], mc[1]).isLessThan(4 * mc[1]);
    }

    /** The one-draw estimate is unbiased: its mean over draws is the KL by quadrature (trapezoid, step 1e-3). */
    @Test
    void mixtureKlEstimateIsUnbiased() {
        ScaleMixturePrior prior = ScaleMixturePrior.of(0.25, 1.0, Math.exp(-3));
        double[] loc = LOC.toArray();
        double[] scale = Var.constant(RHO).softplus().value().toArray();
        double quadrature = 0;
        for (int i = 0; i < 3; i++) {
            double h = 1e-3;
            for (double w = loc[i] - 12 * scale[i]; w <= loc[i] + 12 * scale[i]; w += h) {
                double z = (w - loc[i]) / scale[i];
                double logQ = -0.5 * z * z - Math.log(scale[i]) - 0.5 * Math.log(2 * Math.PI);
                double p = prior.weight() * density(w, prior.scale1()) + (1 - prior.weight()) * density(w, prior.scale2());
                quadrature += h * Math.exp(logQ) * (logQ - Math.log(p));
            }
        }
        RandomStream rng = RandomStream.of(5);
        int k = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < k; i++) {
            double d = prior.klDivergence(Var.constant(LOC), Var.constant(RHO).softplus(), rng).item();
            sum += d;
            sumSq += d * d;
        }
        double mean = sum / k;
        double se = Math.sqrt((sumSq / k - mean * mean) / k);
        assertThat(Math.abs(mean - quadrature)).as("quadrature %s, MC %s ± %s", quadrature, mean, se).isLessThan(4 * se);
    }

    private static double density(double w, double s) {
        return Math.exp(-0.5 * w * w / (s * s)) / (s * Math.sqrt(2 * Math.PI));
    }

    @Test
    void mixtureLogDensityIsTheMixtureAlsoWhereTheSpikeUnderflows() {
        ScaleMixturePrior prior = ScaleMixturePrior.of(0.5, 1.0, 0.01);
        Tensor w = Tensor.of(0.0, 0.02, -1.0, 30.0);
        double[] got = prior.logDensity(Var.constant(w)).value().toArray();
        double[] x = w.toArray();
        for (int i = 0; i < 3; i++) {
            double direct = Math.log(0.5 * density(x[i], 1.0) + 0.5 * density(x[i], 0.01));
            assertThat(got[i]).as("w = %s", x[i]).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-12));
        }
        // at w = 30 the spike's density is exp(-4.5e6): only the wide component counts
        assertThat(got[3]).isCloseTo(Math.log(0.5) - 450 - 0.5 * Math.log(2 * Math.PI), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void klGradientsMatchFiniteDifferences() {
        for (WeightPrior prior : new WeightPrior[] {NormalPrior.of(0.7), ScaleMixturePrior.of(0.25, 1.0, 0.1)}) {
            GradientChecker.Result r = GradientChecker.check(v -> prior.klDivergence(v[0], v[1].softplus(),
                    RandomStream.of(9)), LOC, RHO);
            assertThat(r.maxError()).as("%s: %s", prior, r).isLessThan(1e-7);
        }
    }

    @Test
    void badSettingsAreRefusedNamingValueAndRule() {
        assertThatThrownBy(() -> NormalPrior.of(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NormalPrior scale must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> NormalPrior.of(Double.NaN)).hasMessage("NormalPrior scale must be finite and > 0, got NaN");
        assertThatThrownBy(() -> ScaleMixturePrior.of(1.0, 1, 0.1))
                .hasMessage("ScaleMixturePrior weight must be in (0, 1), got 1.0");
        assertThatThrownBy(() -> ScaleMixturePrior.of(0.0, 1, 0.1))
                .hasMessage("ScaleMixturePrior weight must be in (0, 1), got 0.0");
        assertThatThrownBy(() -> ScaleMixturePrior.of(0.5, -1, 0.1))
                .hasMessage("ScaleMixturePrior scale1 must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> ScaleMixturePrior.of(0.5, 1, Double.POSITIVE_INFINITY))
                .hasMessage("ScaleMixturePrior scale2 must be finite and > 0, got Infinity");
    }
}
