package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * A dense layer {@code x W + b} whose weights and biases have the factorised Gaussian posterior of
 * Bayes by Backprop (Blundell, Cornebise, Kavukcuoglu &amp; Wierstra, ICML 2015):
 * {@code W_ij ~ N(μ_ij, σ_ij²)}, {@code σ = softplus(ρ)}, and the same for {@code b}. The
 * variational parameters are passed in as {@link Var}s (shapes {@code [in, out]}, {@code [in, out]},
 * {@code [out]}, {@code [out]}), so that a tape can differentiate through them.
 *
 * <p>The particle axis is a batch axis: {@code S} draws cost one (batched) matrix product, and the
 * local reparameterization costs two ordinary ones whatever {@code S}.
 */
public final class BayesLinear {

    private final int in;
    private final int out;

    private BayesLinear(int in, int out) {
        this.in = in;
        this.out = out;
    }

    /**
     * A layer from {@code in} to {@code out} units.
     *
     * @throws IllegalArgumentException if a size is not {@code >= 1}
     */
    public static BayesLinear of(int in, int out) {
        LayerInputs.checkSizes("BayesLinear", in, out);
        return new BayesLinear(in, out);
    }

    /** Input units. */
    public int in() {
        return in;
    }

    /** Output units. */
    public int out() {
        return out;
    }

    /**
     * {@code S = particles} stochastic outputs for input {@code x} of shape {@code [N, in]} (shared
     * by every particle) or {@code [S, N, in]}: shape {@code [S, N, out]}.
     *
     * <p>Weight sampling ({@code local = false}): {@code W_s = μ_W + σ_W ⊙ ε_s},
     * {@code b_s = μ_b + σ_b ⊙ η_s}, {@code y_s = x_s W_s + b_s}, one weight draw per particle
     * shared by the {@code N} rows; {@code ε} ({@code [S, in, out]}) then {@code η} ({@code [S, out]})
     * are drawn from {@code rng} in that order.
     *
     * <p>Local reparameterization ({@code local = true}, Kingma, Salimans &amp; Welling, NeurIPS 2015,
     * section 2.3): the pre-activations are drawn directly from their distribution given {@code x},
     * {@code y_snj ~ N(Σ_i x_sni μ_ij + μ_bj, Σ_i x_sni² σ_ij² + σ_bj²)}, independently per row;
     * the same marginal for each row as weight sampling, with a variance of the gradient that
     * falls as {@code 1/N}. {@code ζ} ({@code [S, N, out]}) is drawn from {@code rng}.
     *
     * @throws IllegalArgumentException naming the argument, its shape and the expected one, if a
     *     shape does not fit, or if {@code particles < 1}
     */
    public Var forward(Var x, Var weightLoc, Var weightRho, Var biasLoc, Var biasRho, int particles, RandomStream rng,
            boolean local) {
        boolean perParticle = LayerInputs.perParticle("BayesLinear", x, in, particles);
        int[] xs = x.shape();
        LayerInputs.checkShape("BayesLinear", "weightLoc", weightLoc, in, out);
        LayerInputs.checkShape("BayesLinear", "weightRho", weightRho, in, out);
        LayerInputs.checkShape("BayesLinear", "biasLoc", biasLoc, out);
        LayerInputs.checkShape("BayesLinear", "biasRho", biasRho, out);
        Var weightScale = weightRho.softplus();
        Var biasScale = biasRho.softplus();
        int n = xs[xs.length - 2];
        if (!local) {
            Tensor eps = LayerInputs.gaussian(rng, particles, in, out);
            Tensor eta = LayerInputs.gaussian(rng, particles, 1, out);
            if (particles == 1) { // one draw: a plain [N, in] @ [in, out] product, no batch axis
                Var w = weightLoc.add(weightScale.mul(eps.reshape(in, out)));
                Var b = biasLoc.add(biasScale.mul(eta.reshape(out)));
                Var rows = perParticle ? x.reshape(n, in) : x;
                return rows.matmul(w).add(b).reshape(1, n, out);
            }
            Var w = weightLoc.add(weightScale.mul(eps));
            Var b = biasLoc.add(biasScale.mul(eta));
            return x.matmul(w).add(b);
        }
        Var rows = perParticle ? x.reshape(particles * n, in) : x;
        Var mean = rows.matmul(weightLoc).add(biasLoc);
        Var variance = rows.square().matmul(weightScale.square()).add(biasScale.square());
        if (perParticle) {
            mean = mean.reshape(particles, n, out);
            variance = variance.reshape(particles, n, out);
        }
        Tensor zeta = LayerInputs.gaussian(rng, particles, n, out);
        return mean.add(variance.sqrt().mul(zeta));
    }



    @Override
    public String toString() {
        return "BayesLinear(" + in + " -> " + out + ")";
    }
}
