package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The uncollapsed SVGP objective in the whitened parameterization (Hensman, Fusi &amp; Lawrence, UAI
 * 2013; Hensman, Matthews &amp; Ghahramani, AISTATS 2015, §3-4): {@code u = L v} with
 * {@code L = chol(K_uu + εI)}, {@code p(v) = N(0, I)}, {@code q(v) = N(m, S Sᵀ)}, {@code S} lower
 * triangular. The marginal of {@code f_n = k_nuᵀ K_uu⁻¹ u = a_nᵀ v}, {@code a_n = L⁻¹ k_un}, is
 * <pre>
 *   q(f_n) = N(a_nᵀ m,  k_nn - |a_n|² + |Sᵀ a_n|²)
 * </pre>
 * and on a minibatch {@code b} of size {@code B} from {@code N} points
 * <pre>
 *   ELBO ≈ (N/B) Σ_{n∈b} E_{q(f_n)}[log p(y_n | f_n)] - KL(q(v) || N(0, I)),
 *   KL = ½ (tr SSᵀ + mᵀm - M - log|SSᵀ|),  log|SSᵀ| = Σ_i log S_ii²
 * </pre>
 * an unbiased estimate of the full-data ELBO. Per step the tape holds {@code m×m} and {@code m×B}
 * arrays only: memory {@code O(m² + mB)} whatever {@code N}.
 */
final class SvgpObjective {

    private SvgpObjective() {
    }

    /** The whitened marginals {@code [mean, variance]} of {@code f} at {@code x}, each {@code [B]}. */
    static Var[] marginals(Kernel kernel, Var ku, Var z, Var qMean, Var qScale, Var x, double jitter) {
        int m = z.shape()[0];
        int b = x.shape()[0];
        Var l = Jitter.cholesky("Svgp K_uu (inducing inputs)", kernel.matrix(ku, z, z), jitter);
        Var a = l.triangularSolve(kernel.matrix(ku, z, x), true, false);
        Var mean = a.transpose().matmul(qMean.reshape(m, 1)).reshape(b);
        Var sa = qScale.tril(0).transpose().matmul(a);
        Var var = kernel.diagonal(ku, x).sub(a.square().sum(0)).add(sa.square().sum(0));
        return new Var[] {mean, var};
    }

    /** {@code KL(N(m, SSᵀ) || N(0, I))} as above. */
    static Var kl(Var qMean, Var qScale) {
        Var s = qScale.tril(0);
        int m = qMean.shape()[0];
        return s.square().sum().add(qMean.square().sum()).sub(m).sub(s.diagonal().square().log().sum()).mul(0.5);
    }

    /** The minibatch ELBO estimate with the data term scaled by {@code scale = N/B}. */
    static Var elbo(Kernel kernel, Likelihood likelihood, Var ku, Var lu, Var z, Var qMean, Var qScale,
            Tensor x, Tensor y, double scale, double jitter) {
        Var[] q = marginals(kernel, ku, z, qMean, qScale, Var.constant(x), jitter);
        Var data = likelihood.expectedLogLikelihood(lu, q[0], q[1], y).sum().mul(scale);
        return data.sub(kl(qMean, qScale));
    }
}
