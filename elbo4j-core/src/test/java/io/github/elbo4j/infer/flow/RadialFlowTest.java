package io.github.elbo4j.infer.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The radial flow (Rezende &amp; Mohamed, ICML 2015, appendix A.2) against the tape's Jacobian,
 * finite differences and its own inverse, on random parameters including {@code β} within 1e-6
 * of {@code -α}, where the map nearly collapses the centre.
 */
class RadialFlowTest {

    private static RadialFlow randomFlow(Random rng, int d) {
        Tensor z0 = FlowLaws.normal(rng, 1.0, d);
        double alpha = Math.exp(2 * rng.nextGaussian());
        double beta = switch (rng.nextInt(3)) {
            case 0 -> -alpha + 1e-6 * alpha * rng.nextDouble();
            case 1 -> -alpha * rng.nextDouble();
            default -> 5 * Math.abs(rng.nextGaussian());
        };
        return RadialFlow.of(z0, alpha, beta);
    }

    @Property(tries = 60, seed = "20261207")
    void logAbsDetJacobianIsTheLogDeterminantOfTheTapeJacobian(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(6);
        RadialFlow f = randomFlow(rng, d);
        Tensor z = FlowLaws.normal(rng, 2.0, d);
        double expected = FlowLaws.tapeLogAbsDet(f, z);
        double actual = f.logAbsDetJacobian(Var.constant(z), f.forward(Var.constant(z))).item();
        assertThat(Math.abs(actual - expected)).as("%s at %s", f, z).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Property(tries = 100, seed = "20261207")
    void inverseUndoesForwardToOneInTenBillion(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(6);
        RadialFlow f = randomFlow(rng, d);
        Tensor z = FlowLaws.normal(rng, 3.0, 5, d);
        Tensor y = f.forward(z);
        assertThat(FlowLaws.worst(f.inverse(y), z)).as("%s", f).isLessThanOrEqualTo(1e-10);
    }

    @Property(tries = 200, seed = "20261207")
    void theReparameterizationGivesBetaAtLeastMinusAlpha(@ForAll long seed) {
        Random rng = new Random(seed);
        double a = Math.pow(10, rng.nextInt(7) - 3) * rng.nextGaussian();
        double b = Math.pow(10, rng.nextInt(7) - 3) * rng.nextGaussian();
        RadialFlow f = RadialFlow.reparameterized(Var.constant(Tensor.zeros(2)), Var.constant(a), Var.constant(b));
        assertThat(f.alpha().item()).as("alpha for raw %s", a).isGreaterThan(0.0);
        assertThat(f.beta().item()).as("beta for raw %s", b).isGreaterThanOrEqualTo(-f.alpha().item());
    }

    @Test
    void aNonInvertibleRadialFlowIsRefusedWithTheValuesAndTheRule() {
        assertThatThrownBy(() -> RadialFlow.of(Tensor.zeros(2), 1.0, -1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("beta >= -alpha").hasMessageContaining("beta = -1.5").hasMessageContaining("alpha = 1.0");
        assertThatThrownBy(() -> RadialFlow.of(Tensor.zeros(2), 0.0, 1.0)).hasMessageContaining("alpha must be > 0, got 0.0");
    }

    @Test
    void theRadiusRootSolvesItsEquation() {
        for (double[] c : new double[][] {{0, 1, 0.5}, {1e-8, 1, -1}, {3, 0.01, 100}, {50, 2, -1.999999}, {1e-3, 1e3, -999}}) {
            double r = RadialFlow.root(c[0], c[1], c[2]);
            assertThat(Math.abs(r + c[2] * r / (c[1] + r) - c[0])).as("rho %s alpha %s beta %s", c[0], c[1], c[2])
                    .isLessThanOrEqualTo(1e-14 * Math.max(1, c[0]));
        }
    }

    @Property(tries = 30, seed = "20261207")
    void forwardLogDetAndInverseHaveFiniteDifferenceGradientsInPointsAndParameters(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(4);
        Tensor z = FlowLaws.normal(rng, 1.5, 3, d);
        Tensor z0 = FlowLaws.normal(rng, 0.5, d);
        Tensor a = Tensor.scalar(rng.nextGaussian());
        Tensor b = Tensor.scalar(rng.nextGaussian());
        // r = ‖z - z₀‖ has a kink at z = z₀: keep every point at least 0.1 from the centre (the stencil spans 2e-3)
        double nearest = z.sub(z0).square().sum(-1).sqrt().min().item();
        net.jqwik.api.Assume.that(nearest >= 0.1);
        GradientChecker.Result forward = GradientChecker.check(v -> RadialFlow.reparameterized(v[1], v[2], v[3]).forward(v[0]), z, z0, a, b);
        assertThat(forward.maxError()).as("forward %s", forward).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result ladj = GradientChecker.check(v -> {
            RadialFlow f = RadialFlow.reparameterized(v[1], v[2], v[3]);
            return f.logAbsDetJacobian(v[0], f.forward(v[0]));
        }, z, z0, a, b);
        assertThat(ladj.maxError()).as("ladj %s", ladj).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result inverse = GradientChecker.check(v -> RadialFlow.reparameterized(v[1], v[2], v[3]).inverse(v[0]), z, z0, a, b);
        assertThat(inverse.maxError()).as("inverse (implicit gradients) %s", inverse).isLessThanOrEqualTo(1e-6);
    }
}
