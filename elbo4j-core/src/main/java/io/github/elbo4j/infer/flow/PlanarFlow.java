package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The planar flow {@code f(z) = z + û h(wᵀz + b)}, {@code h = tanh}, on vectors of length
 * {@code D} (the last axis), with
 * {@code log|det ∂f/∂z| = log|1 + h'(wᵀz + b) wᵀû|} (matrix determinant lemma; Rezende &amp;
 * Mohamed, "Variational Inference with Normalizing Flows", ICML 2015, eqs. 10-12). The map is
 * invertible exactly when {@code wᵀû ≥ -1} (ibid., appendix A.1): {@link #of} checks it,
 * {@link #reparameterized} enforces it for any raw {@code u} by
 * {@code û = u + (m(wᵀu) - wᵀu) w/‖w‖²}, {@code m(x) = -1 + softplus(x)}, so {@code wᵀû = m(wᵀu) > -1}.
 *
 * <p>The inverse reduces to one scalar per row: with {@code s = wᵀz + b}, the row satisfies
 * {@code s + (wᵀû) tanh(s) = wᵀy + b}, increasing in {@code s}; it is solved by Newton's method
 * safeguarded by bisection on the bracket {@code [t - |c|, t + |c|]} (since {@code |tanh| ≤ 1}), and
 * then {@code z = y - û tanh(s)}. The inverse is differentiable: one Newton step is recorded on the
 * tape at the solution, which gives the implicit-function gradients
 * {@code ∂s = (∂t - tanh(s) ∂c) / (1 + c h'(s))}.
 */
public final class PlanarFlow implements VectorLayer {

    private final Var uHat;
    private final Var w;
    private final Var b;
    private final Var wu;
    private final int dimension;

    private PlanarFlow(Var uHat, Var w, Var b) {
        this.uHat = uHat;
        this.w = w;
        this.b = b;
        this.dimension = w.shape()[0];
        this.wu = w.mul(uHat).sum(0);
    }

    /**
     * The planar flow with the given {@code u}, {@code w}, {@code b} used as they are.
     *
     * @throws IllegalArgumentException when {@code u} and {@code w} are not vectors of one length
     *     {@code D >= 1}, {@code b} is not a single number, a value is not finite, or {@code wᵀu < -1}
     *     (the flow would not be invertible)
     */
    public static PlanarFlow of(Var u, Var w, Var b) {
        checkShapes(u, w, b);
        double wu = w.value().mul(u.value()).sum().item();
        if (!(wu >= -1.0)) {
            throw new IllegalArgumentException("PlanarFlow needs w·u >= -1 to be invertible (Rezende & Mohamed 2015, appendix A.1), "
                    + "got w·u = " + wu + "; use PlanarFlow.reparameterized(u, w, b) for unconstrained parameters");
        }
        return new PlanarFlow(u, w, b.reshape());
    }

    /** {@link #of(Var, Var, Var)} with data parameters. */
    public static PlanarFlow of(Tensor u, Tensor w, double b) {
        return of(Var.constant(u), Var.constant(w), Var.constant(b));
    }

    /**
     * The planar flow for a raw (unconstrained) {@code u}: {@code û = u + (m(wᵀu) - wᵀu) w/‖w‖²}
     * with {@code m(x) = -1 + softplus(x)} (Rezende &amp; Mohamed 2015, appendix A.1), so that
     * {@code wᵀû = m(wᵀu) > -1} for every {@code u}; gradients flow to {@code u}, {@code w} and {@code b}.
     *
     * @throws IllegalArgumentException when the shapes are as {@link #of} refuses, a value is not
     *     finite, or {@code w = 0} ({@code ‖w‖²} divides)
     */
    public static PlanarFlow reparameterized(Var u, Var w, Var b) {
        checkShapes(u, w, b);
        double norm2 = w.value().square().sum().item();
        if (!(norm2 > 0)) {
            throw new IllegalArgumentException("PlanarFlow.reparameterized needs w != 0 (it divides by ‖w‖²), got w = " + w.value());
        }
        Var wu = w.mul(u).sum(0);
        Var m = wu.softplus().sub(1.0);
        Var uHat = u.add(w.mul(m.sub(wu).div(w.square().sum(0))));
        return new PlanarFlow(uHat, w, b.reshape());
    }

    private static void checkShapes(Var u, Var w, Var b) {
        if (u.shape().length != 1 || w.shape().length != 1 || u.shape()[0] != w.shape()[0] || w.shape()[0] < 1) {
            throw new IllegalArgumentException("PlanarFlow u and w must be vectors of one length D >= 1, got shapes "
                    + Arrays.toString(u.shape()) + " and " + Arrays.toString(w.shape()));
        }
        if (b.value().size() != 1) {
            throw new IllegalArgumentException("PlanarFlow b must be a single number, got shape " + Arrays.toString(b.shape()));
        }
        for (Var v : new Var[] {u, w, b}) {
            for (double x : v.value().toArray()) {
                if (!Double.isFinite(x)) {
                    throw new IllegalArgumentException("PlanarFlow parameters must be finite, got " + x + " in " + v.value());
                }
            }
        }
    }

    /** {@code û}, the vector that multiplies {@code h} (after the reparameterization, if any). */
    public Var uHat() {
        return uHat;
    }

    /** {@code w}. */
    public Var w() {
        return w;
    }

    /** {@code b}. */
    public Var b() {
        return b;
    }

    /** {@code y = z + û tanh(wᵀz + b)} over the last axis of {@code z}. */
    @Override
    public Var forward(Var z) {
        requireLength(z);
        return z.add(preactivation(z).tanh().mul(uHat));
    }

    /**
     * {@code z = y - û tanh(s)} with {@code s} the root of {@code s + (wᵀû) tanh(s) = wᵀy + b} (see
     * the class comment), to about {@code 1e-15} relative in {@code s}.
     */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        Var t = preactivation(y);
        double c = wu.item();
        double[] ts = t.value().toArray();
        double[] s = new double[ts.length];
        double[] slope = new double[ts.length];
        double[] th = new double[ts.length];
        for (int i = 0; i < ts.length; i++) {
            s[i] = root(ts[i], c);
            th[i] = Math.tanh(s[i]);
            slope[i] = 1.0 + c * (1.0 - th[i] * th[i]);
        }
        int[] shape = t.shape();
        Tensor s0 = Tensor.of(s, shape);
        Tensor th0 = Tensor.of(th, shape);
        // one Newton step on the tape at the root: value s0 (up to rounding), implicit-function gradients
        Var residual = wu.mul(th0).add(s0).sub(t);
        Var root = residual.div(Tensor.of(slope, shape)).rsub(0.0).add(s0);
        return y.sub(root.tanh().mul(uHat));
    }

    /** {@code log|1 + h'(wᵀz + b) wᵀû|}, {@code h' = 1 - tanh²}; shape of {@code z} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var z, Var y) {
        requireLength(z);
        Var th = preactivation(z).tanh();
        Var det = th.square().rsub(1.0).mul(wu).add(1.0);
        return det.log().sum(-1);
    }

    /**
     * The root {@code s} of {@code g(s) = s + c tanh(s) - t = 0} for {@code c >= -1} ({@code g} is
     * increasing: {@code g'(s) = 1 + c (1 - tanh² s) >= 0}, zero only at {@code c = -1, s = 0}).
     * Newton's method from {@code s = t}, kept inside the bracket {@code [t - |c|, t + |c|]} that
     * holds the root ({@code |tanh| <= 1}) and shrunk by the sign of {@code g}; a step that leaves it
     * or a flat slope bisects instead (Press et al., Numerical Recipes, 3rd ed., sec. 9.4, rtsafe).
     * Stops when a step is below {@code 4 ulp} of the bracket's ends or after 200 steps; the result
     * is accurate to about {@code 1e-15 · max(1, |s|) / g'(s)}.
     */
    static double root(double t, double c) {
        double lo = t - Math.abs(c);
        double hi = t + Math.abs(c);
        double s = t;
        for (int k = 0; k < 200 && hi > lo; k++) {
            double th = Math.tanh(s);
            double g = s + c * th - t;
            if (g == 0) {
                return s;
            }
            if (g > 0) {
                hi = s;
            } else {
                lo = s;
            }
            double slope = 1.0 + c * (1.0 - th * th);
            double next = slope > 0 ? s - g / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = lo + (hi - lo) / 2;
            }
            if (Math.abs(next - s) <= 4 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)))) {
                return next;
            }
            s = next;
        }
        return s;
    }

    private Var preactivation(Var z) {
        return z.matmul(w.reshape(dimension, 1)).add(b);
    }

    /** The length {@code D} of the vectors it acts on. */
    @Override
    public int dimension() {
        return dimension;
    }

    private void requireLength(Var z) {
        VectorLayer.requireLength("PlanarFlow", dimension, z);
    }


    @Override
    public String toString() {
        return "PlanarFlow[D=" + dimension + ", w·û=" + wu.item() + "]";
    }
}
