package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code y = loc + scale · x}, element-wise with NumPy broadcasting of {@code loc}, {@code scale}
 * and {@code x}. The parameters may be tracked {@link Var}s (a trainable location-scale layer) or
 * data. Every element of {@code scale} must be finite and non-zero.
 *
 * <p>The public factories map the real line onto itself; {@link Bijectors#bijectTo} also uses
 * an affine map from {@code (0, ∞)} onto {@code (lower, ∞)} and from {@code [0, 1]} onto
 * {@code [lower, upper]}.
 */
public final class Affine implements Bijector {

    private final Var loc;
    private final Var scale;
    private final Constraint domain;
    private final Constraint codomain;

    private Affine(Var loc, Var scale, Constraint domain, Constraint codomain) {
        this.loc = loc;
        this.scale = scale;
        this.domain = domain;
        this.codomain = codomain;
    }

    /**
     * {@code y = loc + scale · x} on the real line; gradients flow to tracked parameters.
     *
     * @throws IllegalArgumentException when an element of {@code loc} is not finite, an element of
     *     {@code scale} is 0 or not finite, or the shapes do not broadcast
     */
    public static Affine of(Var loc, Var scale) {
        validate(loc.value(), scale.value());
        return new Affine(loc, scale, new Constraint.Real(), new Constraint.Real());
    }

    /**
     * {@code y = loc + scale · x} on the real line with data parameters.
     *
     * @throws IllegalArgumentException as {@link #of(Var, Var)}
     */
    public static Affine of(Tensor loc, Tensor scale) {
        return of(Var.constant(loc), Var.constant(scale));
    }

    /**
     * {@code y = loc + scale · x} on the real line with scalar parameters.
     *
     * @throws IllegalArgumentException as {@link #of(Var, Var)}
     */
    public static Affine of(double loc, double scale) {
        return of(Tensor.scalar(loc), Tensor.scalar(scale));
    }

    /**
     * {@code y = loc + scale · x} between two sets the caller knows it maps onto each other (the
     * registry of {@link Bijectors#bijectTo} states {@code (0, ∞) → (lower, ∞)} and
     * {@code [0, 1] → [lower, upper]} exactly, instead of rounding the image's ends).
     */
    static Affine between(double loc, double scale, Constraint domain, Constraint codomain) {
        validate(Tensor.scalar(loc), Tensor.scalar(scale));
        return new Affine(Var.constant(loc), Var.constant(scale), domain, codomain);
    }

    /** As {@link #between(double, double, Constraint, Constraint)} with parameters that are {@link Var}s (element-wise bounds). */
    static Affine between(Var loc, Var scale, Constraint domain, Constraint codomain) {
        validate(loc.value(), scale.value());
        return new Affine(loc, scale, domain, codomain);
    }

    private static void validate(Tensor loc, Tensor scale) {
        for (double v : loc.toArray()) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Affine loc must be finite, got " + v);
            }
        }
        for (double v : scale.toArray()) {
            if (!Double.isFinite(v) || v == 0.0) {
                throw new IllegalArgumentException("Affine scale must be finite and != 0, got " + v);
            }
        }
        Broadcasting.shape(loc.shape(), scale.shape());
    }

    /** The location. */
    public Var loc() {
        return loc;
    }

    /** The scale. */
    public Var scale() {
        return scale;
    }

    /** {@code y = loc + scale · x}. */
    @Override
    public Var forward(Var x) {
        return x.mul(scale).add(loc);
    }

    /** {@code x = (y - loc) / scale}. */
    @Override
    public Var inverse(Var y) {
        return y.sub(loc).div(scale);
    }

    /**
     * {@code log |dy/dx| = log |scale|}, element-wise, broadcast to the shape of
     * {@code loc + scale · x} (the Jacobian is {@code diag(scale)}).
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        int[] shape = Broadcasting.shape(x.shape(), loc.shape(), scale.shape());
        return scale.apply(ElementwiseFunction.ABS).log().broadcastTo(shape);
    }

    @Override
    public Constraint domain() {
        return domain;
    }

    @Override
    public Constraint codomain() {
        return codomain;
    }

    @Override
    public String toString() {
        return "Affine[loc=" + loc.value() + ", scale=" + scale.value() + ", domain=" + domain + "]";
    }
}
