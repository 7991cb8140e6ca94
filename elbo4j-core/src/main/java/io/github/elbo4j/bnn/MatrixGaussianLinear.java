package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/**
 * A dense layer {@code x W + b} whose weights and bias, stacked into one {@code (in+1) × out} matrix
 * {@code W̃ = [W; b]} (the input augmented by a 1, as Louizos &amp; Welling do), have the
 * matrix-variate Gaussian posterior of Louizos &amp; Welling ("Structured and efficient variational
 * deep learning with matrix Gaussian posteriors", ICML 2016, section 2):
 * {@code W̃ ~ MN(M, U, V)}, i.e. {@code vec(W̃) ~ N(vec(M), V ⊗ U)} (columns stacked), with
 *
 * <ul>
 *   <li>{@code U = A Aᵀ = diag(a²)} over the rows, {@code a = softplus(ρ_A)}: <b>diagonal</b>, since the
 *       input side may be large (785 rows for MNIST);</li>
 *   <li>{@code V = B Bᵀ} over the columns, {@code B = tril(L, -1) + diag(softplus(ρ_B))}: <b>lower
 *       triangular</b> with a positive diagonal (only the strict lower triangle of {@code L} is read),
 *       so the outputs of a row are correlated.</li>
 * </ul>
 *
 * The pair {@code (cA, B/c)} gives the same distribution for every {@code c > 0}; the layer keeps both
 * scales (no constraint fixes one), which costs one redundant direction and nothing else. The
 * parameters are {@link Var}s: {@code M [in+1, out]}, {@code ρ_A [in+1]}, {@code L [out, out]},
 * {@code ρ_B [out]}, the last row of {@code M} and last entry of {@code ρ_A} belonging to the bias.
 * Stateless apart from the sizes.
 */
public final class MatrixGaussianLinear {

    private final int in;
    private final int out;

    private MatrixGaussianLinear(int in, int out) {
        this.in = in;
        this.out = out;
    }

    /**
     * A layer from {@code in} to {@code out} units.
     *
     * @throws IllegalArgumentException if a size is not {@code >= 1}
     */
    public static MatrixGaussianLinear of(int in, int out) {
        LayerInputs.checkSizes("MatrixGaussianLinear", in, out);
        return new MatrixGaussianLinear(in, out);
    }

    /** Input units (without the bias row). */
    public int in() {
        return in;
    }

    /** Output units. */
    public int out() {
        return out;
    }

    /** The column factor {@code B = tril(L, -1) + diag(softplus(ρ_B))}, {@code [out, out]}. */
    public Var columnFactor(Var lower, Var rhoB) {
        return lower.tril(-1).add(rhoB.softplus().diagEmbed());
    }

    /**
     * {@code S = particles} stochastic outputs for {@code x} of shape {@code [N, in]} (shared by the
     * particles) or {@code [S, N, in]}: shape {@code [S, N, out]}. With {@code x̃ = [x, 1]},
     * {@code a = softplus(ρ_A)} and {@code B} as in {@link #columnFactor}:
     *
     * <p>Local reparameterization ({@code local = true}; Louizos &amp; Welling 2016, eq. 8): a row's
     * pre-activations are {@code x̃ W̃ ~ N(x̃ M, (x̃ U x̃ᵀ) V)}, a Gaussian with a scalar times
     * {@code V}, drawn as {@code x̃ M + sqrt(Σ_i x̃_i² a_i²) ζ Bᵀ} with {@code ζ ~ N(0, I_out)} per
     * particle and row ({@code [S, N, out]} from {@code rng}); the weights are never drawn.
     *
     * <p>Weight sampling ({@code local = false}): {@code W̃_s = M + diag(a) E_s Bᵀ}, whose
     * {@code vec} has covariance {@code (B ⊗ A)(B ⊗ A)ᵀ = V ⊗ U}, with {@code E_s ~ N(0, I)}
     * ({@code [S, in+1, out]} from {@code rng}); one draw per particle shared by its rows.
     *
     * @throws IllegalArgumentException naming the argument, its shape and the expected one
     */
    public Var forward(Var x, Var loc, Var rhoA, Var lower, Var rhoB, int particles, RandomStream rng, boolean local) {
        boolean perParticle = LayerInputs.perParticle("MatrixGaussianLinear", x, in, particles);
        int[] xs = x.shape();
        checkShapes(loc, rhoA, lower, rhoB);
        int n = xs[xs.length - 2];
        Var a = rhoA.softplus();
        Var b = columnFactor(lower, rhoB);
        Var weightLoc = loc.slice(0, 0, in);
        Var biasLoc = loc.slice(0, in, in + 1).reshape(out);
        if (!local) {
            Tensor e = LayerInputs.gaussian(rng, particles, in + 1, out);
            Var w = loc.add(a.reshape(in + 1, 1).mul(Var.constant(e).matmul(b.transpose())));
            return x.matmul(w.slice(1, 0, in)).add(w.slice(1, in, in + 1));
        }
        Var rows = perParticle ? x.reshape(particles * n, in) : x;
        Var mean = rows.matmul(weightLoc).add(biasLoc);
        Var a2 = a.square();
        Var rowScale = rows.square().matmul(a2.slice(0, 0, in).reshape(in, 1)).add(a2.slice(0, in, in + 1)).sqrt();
        if (perParticle) {
            mean = mean.reshape(particles, n, out);
            rowScale = rowScale.reshape(particles, n, 1);
        }
        Var noise = Var.constant(LayerInputs.gaussian(rng, particles, n, out)).matmul(b.transpose());
        return mean.add(rowScale.mul(noise));
    }

    /**
     * {@code KL(MN(M, U, V) || N(0, s² I))} in closed form, {@code s} the prior's scale. As {@code vec(W̃) ~ N(vec M, V ⊗ U)} of
     * dimension {@code D = (in+1) out}, the Gaussian KL (e.g. Kingma &amp; Welling 2014, appendix B)
     * {@code ½ [tr(Σ)/s² + |μ|²/s² - D + D log s² - log det Σ]} becomes, with
     * {@code tr(V ⊗ U) = tr V tr U} and {@code det(V ⊗ U) = det(V)^{in+1} det(U)^{out}}:
     * {@code ½ [Σ_i a_i² · ||B||_F² / s² + ||M||_F² / s² - D + 2D log s - 2 out Σ_i log a_i
     * - 2 (in+1) Σ_j log B_jj]}.
     *
     * @throws IllegalArgumentException if a shape does not fit
     */
    public Var klDivergence(Var loc, Var rhoA, Var lower, Var rhoB, NormalPrior prior) {
        checkShapes(loc, rhoA, lower, rhoB);
        double priorScale = prior.scale();
        double inv = 1.0 / (priorScale * priorScale);
        double d = (double) (in + 1) * out;
        Var a = rhoA.softplus();
        Var bDiag = rhoB.softplus();
        Var traceV = lower.tril(-1).square().sum().add(bDiag.square().sum());
        Var trace = a.square().sum().mul(traceV).mul(inv);
        Var logDet = a.log().sum().mul(2.0 * out).add(bDiag.log().sum().mul(2.0 * (in + 1)));
        return trace.add(loc.square().sum().mul(inv)).sub(logDet).add(2 * d * Math.log(priorScale) - d).mul(0.5);
    }

    private void checkShapes(Var loc, Var rhoA, Var lower, Var rhoB) {
        LayerInputs.checkShape("MatrixGaussianLinear", "loc", loc, in + 1, out);
        LayerInputs.checkShape("MatrixGaussianLinear", "rhoA", rhoA, in + 1);
        LayerInputs.checkShape("MatrixGaussianLinear", "lower", lower, out, out);
        LayerInputs.checkShape("MatrixGaussianLinear", "rhoB", rhoB, out);
    }



    @Override
    public String toString() {
        return "MatrixGaussianLinear(" + in + " -> " + out + ")";
    }
}
