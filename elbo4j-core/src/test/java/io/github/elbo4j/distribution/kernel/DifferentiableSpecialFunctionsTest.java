package io.github.elbo4j.distribution.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The differentiable special functions against finite differences (their values are checked in
 * {@code math}: {@code BesselITest}).
 */
class DifferentiableSpecialFunctionsTest {

    @Test
    void derivativesMatchFiniteDifferences() {
        Tensor kappa = Tensor.of(0.01, 0.7, 5, 19.5, 21, 300);
        assertThat(GradientChecker.check(v -> DifferentiableSpecialFunctions.logBesselI0(v[0]), kappa).maxError()).isLessThanOrEqualTo(1e-8);
        assertThat(GradientChecker.check(v -> DifferentiableSpecialFunctions.besselRatio(v[0]), kappa).maxError()).isLessThanOrEqualTo(1e-8);
    }
}
