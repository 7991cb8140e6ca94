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
 * The planar flow (Rezende &amp; Mohamed, ICML 2015, appendix A.1) against the tape's Jacobian,
 * finite differences and its own inverse, on random parameters including ones a hair from the
 * invertibility boundary {@code wᵀû = -1}.
 */
class PlanarFlowTest {

    /**
     * Random raw parameters; every third try puts {@code wᵀû} between 1e-4 and 2e-4 above -1 (through
     * {@link PlanarFlow#of}). Closer than that the inverse problem itself is ill-conditioned: the
     * forward map's rounding of {@code y} (about 1e-16 relative) is amplified by
     * {@code 1/(1 + wᵀû h'(s))}, up to {@code 1/δ} at a distance {@code δ} from the boundary, so a
     * round trip to 1e-10 needs {@code δ} well above 1e-6 (a raw {@code u} with a very negative
     * {@code wᵀu} lands there too: {@code δ = softplus(wᵀu)}).
     */
    private static PlanarFlow randomFlow(Random rng, int d) {
        Tensor w = FlowLaws.normal(rng, 1.5, d);
        Tensor u = FlowLaws.normal(rng, 2.0, d);
        double b = rng.nextGaussian();
        if (rng.nextInt(3) == 0) {
            double wu = w.mul(u).sum().item();
            double target = -1 + 1e-4 * (1 + rng.nextDouble());
            Tensor onBoundary = u.add(w.mul((target - wu) / w.square().sum().item()));
            return PlanarFlow.of(onBoundary, w, b);
        }
        return PlanarFlow.reparameterized(Var.constant(u), Var.constant(w), Var.constant(b));
    }

    @Property(tries = 60, seed = "20261207")
    void logAbsDetJacobianIsTheLogDeterminantOfTheTapeJacobian(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(6);
        PlanarFlow f = randomFlow(rng, d);
        Tensor z = FlowLaws.normal(rng, 2.0, d);
        double expected = FlowLaws.tapeLogAbsDet(f, z);
        double actual = f.logAbsDetJacobian(Var.constant(z), f.forward(Var.constant(z))).item();
        assertThat(Math.abs(actual - expected)).as("%s at %s", f, z).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(expected)));
    }

    @Property(tries = 100, seed = "20261207")
    void inverseUndoesForwardToOneInTenBillion(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(6);
        PlanarFlow f = randomFlow(rng, d);
        Tensor z = FlowLaws.normal(rng, 3.0, 5, d);
        Tensor y = f.forward(z);
        // 1e-10, or what the conditioning 1/δ at δ = 1 + w·û allows when a raw u lands closer to the boundary
        double delta = 1 + f.w().value().mul(f.uHat().value()).sum().item();
        assertThat(FlowLaws.worst(f.inverse(y), z)).as("%s", f).isLessThanOrEqualTo(Math.max(1e-10, 1e-14 / delta));
    }

    @Property(tries = 200, seed = "20261207")
    void theReparameterizationGivesWuAtLeastMinusOneForAnyRawU(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(6);
        double scale = Math.pow(10, rng.nextInt(7) - 3);
        Tensor w = FlowLaws.normal(rng, scale, d);
        Tensor u = FlowLaws.normal(rng, Math.pow(10, rng.nextInt(7) - 3), d);
        PlanarFlow f = PlanarFlow.reparameterized(Var.constant(u), Var.constant(w), Var.constant(0.0));
        double raw = w.mul(u).sum().item();
        double wu = w.mul(f.uHat().value()).sum().item();
        assertThat(wu).as("w·û for w·u = %s", raw).isGreaterThanOrEqualTo(-1 - 1e-12 * Math.max(1, Math.abs(raw)));
        // m(x) = -1 + softplus(x): above -1 except where softplus underflows
        assertThat(wu).isCloseTo(-1 + Math.log1p(Math.exp(-Math.abs(raw))) + Math.max(raw, 0), org.assertj.core.api.Assertions.within(
                1e-9 * Math.max(1, Math.abs(raw))));
    }

    @Test
    void aBoundaryFlowUnderTheRawParameterizationIsRefusedWithTheValueAndTheRule() {
        Tensor w = Tensor.of(1.0, 0.0);
        Tensor u = Tensor.of(-1.5, 3.0);
        assertThatThrownBy(() -> PlanarFlow.of(u, w, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w·u >= -1").hasMessageContaining("got w·u = -1.5").hasMessageContaining("reparameterized");
        assertThatThrownBy(() -> PlanarFlow.reparameterized(Var.constant(u), Var.constant(Tensor.zeros(2)), Var.constant(0.0)))
                .hasMessageContaining("w != 0");
        assertThatThrownBy(() -> PlanarFlow.of(Tensor.of(1.0), w, 0.0)).hasMessageContaining("[1] and [2]");
    }

    @Test
    void theRootSolverHandlesTheFlatSlopeAtTheBoundary() {
        for (double t : new double[] {-5, -1e-3, 0, 1e-9, 0.3, 7}) {
            double s = PlanarFlow.root(t, -1.0);
            assertThat(Math.abs(s - Math.tanh(s) - t)).as("t = %s", t).isLessThanOrEqualTo(1e-15 * Math.max(1, Math.abs(t)));
        }
    }

    @Property(tries = 30, seed = "20261207")
    void forwardLogDetAndInverseHaveFiniteDifferenceGradientsInPointsAndParameters(@ForAll long seed) {
        Random rng = new Random(seed);
        int d = 1 + rng.nextInt(4);
        Tensor z = FlowLaws.normal(rng, 1.5, 3, d);
        Tensor u = FlowLaws.normal(rng, 1.0, d);
        Tensor w = FlowLaws.normal(rng, 1.0, d);
        // ‖w‖ in [0.5, 2]: û has terms in w/‖w‖², whose curvature at a small w defeats the finite-difference step
        double norm = Math.sqrt(w.square().sum().item());
        w = w.mul((0.5 + 1.5 * rng.nextDouble()) / norm);
        Tensor b = Tensor.scalar(rng.nextGaussian());
        // away from the boundary (δ = 1 + w·û >= 0.2): near it the inverse's higher derivatives grow like 1/δ^k
        // and defeat the finite-difference stencil, not the implicit gradients
        double delta = 1 + w.mul(PlanarFlow.reparameterized(Var.constant(u), Var.constant(w), Var.constant(b)).uHat().value()).sum().item();
        net.jqwik.api.Assume.that(delta >= 0.2);
        GradientChecker.Result forward = GradientChecker.check(v -> PlanarFlow.reparameterized(v[1], v[2], v[3]).forward(v[0]), z, u, w, b);
        assertThat(forward.maxError()).as("forward %s", forward).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result ladj = GradientChecker.check(v -> {
            PlanarFlow f = PlanarFlow.reparameterized(v[1], v[2], v[3]);
            return f.logAbsDetJacobian(v[0], f.forward(v[0]));
        }, z, u, w, b);
        assertThat(ladj.maxError()).as("ladj %s", ladj).isLessThanOrEqualTo(1e-6);
        GradientChecker.Result inverse = GradientChecker.check(v -> PlanarFlow.reparameterized(v[1], v[2], v[3]).inverse(v[0]), z, u, w, b);
        assertThat(inverse.maxError()).as("inverse (implicit gradients) %s", inverse).isLessThanOrEqualTo(1e-6);
    }
}
