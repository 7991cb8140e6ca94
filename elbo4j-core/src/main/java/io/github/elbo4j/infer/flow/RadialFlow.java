package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The radial flow {@code f(z) = z + β h(α, r)(z - z₀)}, {@code r = ‖z - z₀‖},
 * {@code h = 1/(α + r)}, on vectors of length {@code D} (the last axis), with
 * {@code log|det ∂f/∂z| = (D - 1) log(1 + βh) + log(1 + βh + βh'(r) r)}
 * {@code = (D - 1) log(1 + βh) + log(1 + βα/(α + r)²)} (Rezende &amp; Mohamed, "Variational
 * Inference with Normalizing Flows", ICML 2015, eqs. 14-15). Invertible when {@code α > 0} and
 * {@code β >= -α} (ibid., appendix A.2): {@link #of} checks it, {@link #reparameterized} enforces it by
 * {@code α = 10⁻⁸ + softplus(α̂)}, {@code β = -α + softplus(β̂)} (the floor keeps {@code α > 0} where
 * softplus underflows, {@code α̂ < -745}: at {@code α = 0} the map tears the centre open).
 *
 * <p>The inverse reduces to the radius: {@code y - z₀ = (1 + βh(r))(z - z₀)}, so
 * {@code ρ = ‖y - z₀‖} satisfies {@code g(r) = r + βr/(α + r) - ρ = 0}, increasing in {@code r >= 0}
 * ({@code g' = 1 + βα/(α + r)²}); its root is that of {@code r² + (α + β - ρ) r - αρ = 0}, taken in
 * the cancellation-free form and polished by one Newton step; then
 * {@code z = z₀ + (y - z₀)/(1 + β/(α + r))}. One more Newton step is recorded on the tape at the
 * root, which gives the implicit-function gradients of {@code r}.
 */
public final class RadialFlow implements VectorLayer {

    /** The floor {@code 10⁻⁸} added to {@code softplus(α̂)}. */
    static final double ALPHA_FLOOR = 1e-8;

    private final Var z0;
    private final Var alpha;
    private final Var beta;
    private final int dimension;

    private RadialFlow(Var z0, Var alpha, Var beta) {
        this.z0 = z0;
        this.alpha = alpha.reshape();
        this.beta = beta.reshape();
        this.dimension = z0.shape()[0];
    }

    /**
     * The radial flow with the given centre, {@code α} and {@code β} used as they are.
     *
     * @throws IllegalArgumentException when {@code z0} is not a vector of length {@code >= 1},
     *     {@code alpha} or {@code beta} is not a single number, a value is not finite,
     *     {@code α <= 0}, or {@code β < -α} (the flow would not be invertible)
     */
    public static RadialFlow of(Var z0, Var alpha, Var beta) {
        checkShapes(z0, alpha, beta);
        double a = alpha.value().toArray()[0];
        double b = beta.value().toArray()[0];
        if (!(a > 0)) {
            throw new IllegalArgumentException("RadialFlow alpha must be > 0, got " + a);
        }
        if (!(b >= -a)) {
            throw new IllegalArgumentException("RadialFlow needs beta >= -alpha to be invertible (Rezende & Mohamed 2015, appendix A.2), "
                    + "got beta = " + b + " with alpha = " + a + "; use RadialFlow.reparameterized for unconstrained parameters");
        }
        return new RadialFlow(z0, alpha, beta);
    }

    /** {@link #of(Var, Var, Var)} with data parameters. */
    public static RadialFlow of(Tensor z0, double alpha, double beta) {
        return of(Var.constant(z0), Var.constant(alpha), Var.constant(beta));
    }

    /**
     * The radial flow for raw (unconstrained) {@code α̂}, {@code β̂}: {@code α = 10⁻⁸ + softplus(α̂) > 0},
     * {@code β = -α + softplus(β̂) > -α} (Rezende &amp; Mohamed 2015, appendix A.2); gradients flow to
     * all three parameters.
     *
     * @throws IllegalArgumentException when the shapes are as {@link #of} refuses or a value is not finite
     */
    public static RadialFlow reparameterized(Var z0, Var alphaRaw, Var betaRaw) {
        checkShapes(z0, alphaRaw, betaRaw);
        Var alpha = alphaRaw.softplus().add(ALPHA_FLOOR);
        return new RadialFlow(z0, alpha, betaRaw.softplus().sub(alpha));
    }

    private static void checkShapes(Var z0, Var alpha, Var beta) {
        if (z0.shape().length != 1 || z0.shape()[0] < 1) {
            throw new IllegalArgumentException("RadialFlow z0 must be a vector of length D >= 1, got shape " + Arrays.toString(z0.shape()));
        }
        if (alpha.value().size() != 1 || beta.value().size() != 1) {
            throw new IllegalArgumentException("RadialFlow alpha and beta must be single numbers, got shapes "
                    + Arrays.toString(alpha.shape()) + " and " + Arrays.toString(beta.shape()));
        }
        for (Var v : new Var[] {z0, alpha, beta}) {
            for (double x : v.value().toArray()) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("RadialFlow parameters must be finite, got " + x + " in " + v.value());
                }
            }
        }
    }

    /** The centre {@code z₀}. */
    public Var z0() {
        return z0;
    }

    /** {@code α > 0}. */
    public Var alpha() {
        return alpha;
    }

    /** {@code β >= -α}. */
    public Var beta() {
        return beta;
    }

    /** {@code y = z + β (z - z₀)/(α + r)}. */
    @Override
    public Var forward(Var z) {
        requireLength(z);
        Var diff = z.sub(z0);
        Var r = radius(diff);
        return z.add(diff.mul(beta.div(alpha.add(r))));
    }

    /** {@code z = z₀ + (y - z₀)/(1 + β/(α + r))} with {@code r} the root described in the class comment. */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        Var diff = y.sub(z0);
        Var rho = radius(diff);
        double a = alpha.item();
        double b = beta.item();
        double[] rhos = rho.value().toArray();
        double[] r = new double[rhos.length];
        double[] slope = new double[rhos.length];
        for (int i = 0; i < rhos.length; i++) {
            r[i] = root(rhos[i], a, b);
            slope[i] = 1.0 + b * a / ((a + r[i]) * (a + r[i]));
        }
        int[] shape = rho.shape();
        Tensor r0 = Tensor.of(r, shape);
        // one Newton step on the tape at the root: value r0 (up to rounding), implicit-function gradients
        Var residual = beta.mul(alpha.add(r0).rdiv(1.0)).mul(r0).add(r0).sub(rho);
        Var radius = residual.div(Tensor.of(slope, shape)).rsub(0.0).add(r0);
        return z0.add(diff.div(beta.div(alpha.add(radius)).add(1.0)));
    }

    /**
     * The root {@code r >= 0} of {@code r + βr/(α + r) = ρ} for {@code α > 0}, {@code β >= -α},
     * {@code ρ >= 0}: the non-negative root of {@code r² + B r - αρ = 0}, {@code B = α + β - ρ}, as
     * {@code 2αρ/(B + √(B² + 4αρ))} when {@code B >= 0} and {@code (√(B² + 4αρ) - B)/2} otherwise (no
     * cancellation in either; Press et al., Numerical Recipes, 3rd ed., eq. 5.6.4), then one Newton
     * step on {@code g(r) = r + βr/(α + r) - ρ}.
     */
    static double root(double rho, double alpha, double beta) {
        double bq = alpha + beta - rho;
        double disc = Math.sqrt(bq * bq + 4 * alpha * rho);
        double r = bq >= 0 ? (disc + bq > 0 ? 2 * alpha * rho / (bq + disc) : 0.0) : (disc - bq) / 2;
        double g = r + beta * r / (alpha + r) - rho;
        double slope = 1.0 + beta * alpha / ((alpha + r) * (alpha + r));
        return slope > 0 ? Math.max(0.0, r - g / slope) : r;
    }

    /** {@code (D - 1) log(1 + β/(α + r)) + log(1 + βα/(α + r)²)}; shape of {@code z} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var z, Var y) {
        requireLength(z);
        Var ar = alpha.add(radius(z.sub(z0)));
        Var first = beta.div(ar).add(1.0).log().mul(dimension - 1);
        Var second = beta.mul(alpha).div(ar.square()).add(1.0).log();
        return first.add(second).sum(-1);
    }

    /** {@code ‖d‖} over the last axis, keeping it (size 1) so that it broadcasts against {@code d}. */
    private static Var radius(Var diff) {
        int[] s = diff.shape();
        int[] keep = s.clone();
        keep[s.length - 1] = 1;
        return diff.square().sum(-1).sqrt().reshape(keep);
    }

    /** The length {@code D} of the vectors it acts on. */
    @Override
    public int dimension() {
        return dimension;
    }

    private void requireLength(Var z) {
        VectorLayer.requireLength("RadialFlow", dimension, z);
    }


    @Override
    public String toString() {
        return "RadialFlow[D=" + dimension + ", alpha=" + alpha.item() + ", beta=" + beta.item() + "]";
    }
}
