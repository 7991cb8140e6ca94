package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.DistributionContract;
import io.github.elbo4j.distribution.Distributions;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("N(0,1)", Normal.of(0, 1)),
                new Named("N([-1,2,30],[0.5,3,0.01])", Normal.of(Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 0.01))),
                new Named("N([[1],[2]],[1,2,3]) broadcast", Normal.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(1, 2, 3))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Normal.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("loc", "scale"), p -> Normal.of(p[0], p[1]), Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 0.01)));
    }

    @Test
    void nonPositiveScaleIsRejectedWithItsValue() {
        assertThatThrownBy(() -> Normal.of(0, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Normal scale must be > 0, got -1.0");
        assertThatThrownBy(() -> Normal.of(Double.NaN, 1)).hasMessage("Normal loc must be finite, got NaN");
    }

    @Test
    void logProbIsDifferentiableInValueAndParameters() {
        GradientChecker.Result r = GradientChecker.check(
                v -> Normal.of(v[1], v[2]).logProb(v[0]),
                Tensor.of(0.3, -1.2, 2.5), Tensor.of(0.1, 0.2, -0.4), Tensor.of(0.7, 1.3, 2.0));
        assertThat(r.maxError()).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void rsampleGradientIsThePathwiseDerivative() {
        // x = mu + sigma * eps, so d(sum x)/d mu = n and d(sum x)/d sigma = sum eps
        Tape tape = new Tape();
        Var mu = tape.variable(1.0);
        Var sigma = tape.variable(2.0);
        Var x = Normal.of(mu, sigma).rsample(RandomStream.of(9), 50);
        var g = tape.gradient(x.sum(), mu, sigma);
        assertThat(g.of(mu).item()).isEqualTo(50.0);
        double sumEps = x.value().sub(1.0).div(2.0).sum().item();
        assertThat(g.of(sigma).item()).isCloseTo(sumEps, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void strictDistributionRejectsNaNValues() {
        Distribution d = Distributions.strict(Normal.of(0, 1));
        assertThatThrownBy(() -> d.logProb(Tensor.of(0.0, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Normal value must lie in its support");
    }
}
