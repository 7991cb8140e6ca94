package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * The Bernoulli log-mass with logits {@code l} at observed 0/1 data {@code x}, fused into one
 * forward and one backward pass (the hot loop of logistic regression):
 * {@code log p(x | l) = x·l − softplus(l) = −softplus((1 − 2x)·l)} with
 * {@code softplus(z) = max(z, 0) + log1p(e)}, {@code e = exp(−|l|)} (the second form has no
 * cancellation where the mass is near 1),
 * and {@code ∂/∂l = x − σ(l)}, where the forward pass keeps
 * {@code σ(l) = 1/(1+e)} for {@code l ≥ 0} and {@code e/(1+e)} otherwise from the same {@code e},
 * so the backward pass needs no exponential. Composing the same formula from tensor operations
 * costs five passes forward, three backward and a second exponential per element.
 */
public final class BernoulliLogitsDensity {

    private BernoulliLogitsDensity() {
    }

    /** The scalar loop over {@code i >= from}; the vector loop ({@link BernoulliLogitsSimd}) does the same. */
    public static void scalarLoop(double[] l, double[] xs, double[] lp, double[] residual, int from) {
        for (int i = from; i < l.length; i++) {
            double xi = xs[i];
            double li = l[i];
            double e = Math.exp(-Math.abs(li));
            double u = 1.0 + e;
            double s = 1.0 / u;
            // log1p(e) = log(u) + δ/u with δ = e − (u − 1), the exact rounding error of 1 + e
            // (u − 1 is exact for u in [1, 2]); the second-order term δ²/2u² is below 1e-32
            double log1pE = Math.log(u) + (e - (u - 1.0)) * s;
            // x·l − softplus(l) = −softplus((1 − 2x)·l): a sum of two non-negative terms, no cancellation
            lp[i] = -(Math.max((1.0 - 2.0 * xi) * li, 0.0) + log1pE);
            residual[i] = xi - (li >= 0 ? s : e * s);
        }
    }

    /**
     * The log-mass, or empty when some {@code x} is not 0 or 1 (the caller then takes the general
     * path, which masks values outside the support). {@code x} is data: no gradient flows to it.
     */
    public static Optional<Var> of(Var logits, Tensor x) {
        int[] shape = Broadcasting.shape(logits.shape(), x.shape());
        double[] l = logits.value().broadcastTo(shape).toArray();
        double[] xs = x.broadcastTo(shape).toArray();
        int n = l.length;
        double[] lp = new double[n];
        double[] residual = new double[n];            // x − σ(l), the derivative
        for (int i = 0; i < n; i++) {
            if (xs[i] != 0.0 && xs[i] != 1.0) {
                return Optional.empty();
            }
        }
        int done = Simd.ENABLED ? BernoulliLogitsSimd.apply(l, xs, lp, residual) : 0;
        scalarLoop(l, xs, lp, residual, done);
        Tensor residuals = Tensor.of(residual, shape);
        int[] logitShape = logits.shape();
        return Optional.of(CustomFunction.apply(Tensor.of(lp, shape),
                (g, k) -> g.mul(residuals).sumTo(logitShape), logits));
    }
}
