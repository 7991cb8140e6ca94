package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.IncompleteGammaDerivative;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.random.kernel.LogGammaVariate;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;

/**
 * Draws of {@code log z}, {@code z ~ Gamma(α, 1)}, with implicit reparameterization gradients
 * (Figurnov, Mohamed &amp; Mnih, NeurIPS 2018): {@code d log z / dα} comes from the cdf identity
 * {@code P(α, z) = u} by {@link IncompleteGammaDerivative#logDrawDerivative}, computed only when a
 * gradient is asked for. Gamma, Chi2, InverseGamma, Beta and Student's t build on it.
 *
 * <p>The draw is {@link LogGammaVariate#draws}: Marsaglia &amp; Tsang's (ACM TOMS 26(3), 2000)
 * through Commons RNG for shape {@code α >= 1}, boosted below (same paper, sec. 6):
 * {@code z = z₁ u^{1/α}} with {@code z₁ ~ Gamma(α + 1, 1)} and {@code u ~ U(0, 1]}, kept in log
 * space, {@code log z = log z₁ + (log u)/α}, so that small shapes give finite logs where {@code z}
 * itself underflows. The gradient is the implicit one in both cases (it depends on the draw only,
 * not on how it was made).
 */
public final class StandardGammaDraws {

    private StandardGammaDraws() {
    }

    /**
     * {@code log z} of shape {@code sampleShape + batchShape}, with {@code concentration}
     * broadcast to {@code batchShape}; differentiable in {@code concentration}.
     */
    public static Var logDraws(Var concentration, int[] batchShape, RandomStream rng, int... sampleShape) {
        int[] shape = Broadcasting.concat(sampleShape, batchShape);
        double[] alpha = concentration.value().broadcastTo(batchShape).toArray();
        int batch = alpha.length;
        double[] logZ = LogGammaVariate.draws(rng.provider(), alpha, Broadcasting.size(sampleShape));
        Tensor value = Tensor.of(logZ, shape);
        return CustomFunction.apply(value, (g, k) -> {
            double[] d = new double[logZ.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = IncompleteGammaDerivative.logDrawDerivative(alpha[i % batch], logZ[i]);
            }
            return g.mul(Tensor.of(d, shape)).sumToShapeOf(concentration.value());
        }, concentration);
    }
}
