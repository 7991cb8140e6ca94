package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormalTest;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Affine;
import io.github.elbo4j.transform.Constraint;
import io.github.elbo4j.transform.Exp;
import io.github.elbo4j.transform.StickBreaking;
import org.junit.jupiter.api.Test;

class TransformedDistributionTest {

    @Test
    void theExponentialOfANormalIsTheLogNormal() {
        // log p(y) = -log y - log σ - ½ log 2π - (log y - μ)²/(2σ²) (Johnson, Kotz & Balakrishnan, vol. 1, eq. 14.2')
        double mu = 0.4;
        double sigma = 0.7;
        TransformedDistribution d = TransformedDistribution.of(Normal.of(mu, sigma), Exp.of());
        for (double y : new double[] {1e-3, 0.5, 1.0, 2.7, 40.0}) {
            double z = (Math.log(y) - mu) / sigma;
            double expected = -Math.log(y) - Math.log(sigma) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
            assertThat(d.logProb(Tensor.scalar(y)).item()).isCloseTo(expected, offset(1e-13 * Math.max(1, Math.abs(expected))));
        }
        assertThat(d.support()).isEqualTo(new Constraint.Positive());
        assertThat(d.batchShape()).isEmpty();
        assertThat(d.eventShape()).isEmpty();
    }

    @Test
    void anElementwiseAffineMapOfAMultivariateNormalIsAMultivariateNormal() {
        // y = a + b ⊙ x, x ~ N(μ, L Lᵀ)  ⇒  y ~ N(a + b ⊙ μ, diag(b) L Lᵀ diag(b)); log|det J| = Σ log|b_i| over the event
        Tensor loc = Tensor.of(0.5, -1.0, 2.0);
        Tensor tril = MultivariateNormalTest.TRIL3;
        Tensor a = Tensor.of(1.0, 2.0, -3.0);
        Tensor b = Tensor.of(0.5, -2.0, 3.0);
        TransformedDistribution y = TransformedDistribution.of(MultivariateNormal.ofScaleTril(loc, tril), Affine.of(a, b));
        MultivariateNormal exact = MultivariateNormal.ofCovariance(a.add(b.mul(loc)),
                b.unsqueeze(-1).mul(tril.matmul(tril.transpose())).mul(b.unsqueeze(0)));
        assertThat(y.eventShape()).containsExactly(3);
        Tensor points = exact.sample(RandomStream.of(6), 5);
        double[] lp = y.logProb(points).value().toArray();
        double[] expected = exact.logProb(points).value().toArray();
        for (int i = 0; i < lp.length; i++) {
            assertThat(lp[i]).isCloseTo(expected[i], offset(1e-12 * Math.abs(expected[i])));
        }
    }

    @Test
    void stickBreakingTurnsABatchOfNormalsIntoOneSimplexValuedDraw() {
        Normal base = Normal.of(Tensor.of(0.1, -0.3, 0.8), Tensor.of(1.0, 0.5, 2.0));
        TransformedDistribution d = TransformedDistribution.of(base, StickBreaking.of());
        assertThat(d.batchShape()).isEmpty();
        assertThat(d.eventShape()).containsExactly(4);
        Tensor y = d.sample(RandomStream.of(3), 6);
        assertThat(y.shape()).containsExactly(6, 4);
        assertThat(new Constraint.Simplex().check(y).min().item()).isEqualTo(1.0);
        Tensor x = StickBreaking.of().inverse(y);
        Tensor expected = base.logProb(x).value().sum(-1).sub(StickBreaking.of().logAbsDetJacobian(Var.constant(x), Var.constant(y)).value());
        double[] lp = d.logProb(y).value().toArray();
        for (int i = 0; i < lp.length; i++) {
            assertThat(lp[i]).isCloseTo(expected.get(i), offset(1e-12 * Math.abs(expected.get(i))));
        }
        assertThat(d.expand(5).batchShape()).containsExactly(5);
        assertThat(d.expand(5).sample(RandomStream.of(1)).shape()).containsExactly(5, 4);
    }

    @Test
    void logProbIsDifferentiableInValueAndBaseParameters() {
        GradientChecker.Result r = GradientChecker.check(
                v -> TransformedDistribution.of(Normal.of(v[1], v[2].exp()), Exp.of()).logProb(v[0].exp()),
                Tensor.of(-0.5, 0.2, 1.4), Tensor.of(0.3), Tensor.of(-0.2));
        assertThat(r.maxError()).as("%s", r).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void reparameterizedDrawsCarryGradientsThroughTheBijector() {
        // y = exp(μ + σ ε): d Σy / dμ = Σy
        Tape tape = new Tape();
        Var mu = tape.variable(0.3);
        Var y = TransformedDistribution.of(Normal.of(mu, Var.constant(0.5)), Exp.of()).rsample(RandomStream.of(4), 30);
        assertThat(tape.gradient(y.sum(), mu).of(mu).item()).isCloseTo(y.value().sum().item(), offset(1e-12));
        assertThat(TransformedDistribution.of(Normal.of(0, 1), Exp.of()).sample(RandomStream.of(4), 30))
                .isEqualTo(TransformedDistribution.of(Normal.of(0, 1), Exp.of()).rsample(RandomStream.of(4), 30).value());
    }

    @Test
    void valuesOutsideTheCodomainHaveMinusInfiniteLogProbAndStrictModeRejectsThem() {
        TransformedDistribution d = TransformedDistribution.of(Normal.of(0, 1), Exp.of());
        double[] lp = d.logProb(Tensor.of(1.0, -1.0, 0.0)).value().toArray();
        assertThat(lp[0]).isFinite();
        assertThat(lp[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lp[2]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Distributions.strict(d).logProb(Tensor.of(1.0, -1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TransformedDistribution value must lie in its support Positive[]");
    }

    @Test
    void momentsAreNotAvailableInClosedForm() {
        TransformedDistribution d = TransformedDistribution.of(Normal.of(0, 1), Exp.of());
        assertThatThrownBy(d::mean).isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("TransformedDistribution has no closed-form mean; average draws from sample()");
    }

    @Test
    void aJointBijectorNeedsEnoughBaseAxes() {
        assertThatThrownBy(() -> TransformedDistribution.of(Normal.of(0, 1), StickBreaking.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TransformedDistribution bijector acts on events of rank 1 but the base distribution has batch shape [] and event shape []");
    }
}
