package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * A differentiable bijection {@code y = f(x)} from {@link #domain} onto {@link #codomain}, with
 * its inverse and {@code log |det ∂f/∂x|}. Used to move constrained random variables to the
 * real line (ADVI: Kucukelbir et al., JMLR 18(14), 2017, sec. 2.3) and to build flows and
 * transformed distributions. For a density {@code p_X}, {@code p_Y(y) = p_X(f⁻¹(y)) |det ∂f/∂x|⁻¹}.
 *
 * <p>{@link #logAbsDetJacobian} sums over the event axes of the domain: its shape is the batch
 * shape, i.e. {@code x}'s shape without its trailing {@link #domainEventRank} axes. For a bijector
 * between sets of different dimension as embedded (a simplex of {@code K} coordinates has
 * {@code K - 1} free ones; a triangular matrix has {@code n(n+1)/2}), the Jacobian is the one
 * between the free coordinates that the bijector's javadoc names.
 */
public interface Bijector {

    /** {@code y = f(x)}. */
    Var forward(Var x);

    /** {@code x = f⁻¹(y)}. */
    Var inverse(Var y);

    /** {@code log |det ∂f/∂x|} at {@code x} (with {@code y = f(x)} given, as it is often cheaper). */
    Var logAbsDetJacobian(Var x, Var y);

    /** The set {@code x} lives in. */
    Constraint domain();

    /** The set {@code y} lives in. */
    Constraint codomain();

    /**
     * Number of trailing axes of {@code x} that form one point: {@code domain().eventRank()},
     * except for bijectors that act jointly on real vectors (their domain is {@link Constraint.Real},
     * whose event rank is 0, but their Jacobian couples the last axis).
     */
    default int domainEventRank() {
        return domain().eventRank();
    }

    /** Number of trailing axes of {@code y} that form one point: {@code codomain().eventRank()} unless overridden. */
    default int codomainEventRank() {
        return codomain().eventRank();
    }

    /** {@code f(x)} on data. */
    default Tensor forward(Tensor x) {
        return forward(Var.constant(x)).value();
    }

    /** {@code f⁻¹(y)} on data. */
    default Tensor inverse(Tensor y) {
        return inverse(Var.constant(y)).value();
    }

    /** The shape of {@code f(x)} for an {@code x} of the given shape (the same unless the bijector reshapes). */
    default int[] forwardShape(int[] shape) {
        return shape.clone();
    }

    /** The shape of {@code f⁻¹(y)} for a {@code y} of the given shape. */
    default int[] inverseShape(int[] shape) {
        return shape.clone();
    }

    /**
     * {@code next ∘ this}: {@code x ↦ next(this(x))}, whose log-abs-det-Jacobian is the sum of
     * the two (chain rule: {@code det(J_g J_f) = det J_g · det J_f}).
     */
    default Bijector then(Bijector next) {
        return ComposedBijector.of(this, next);
    }

    /**
     * {@code f⁻¹} as a bijector from {@link #codomain} onto {@link #domain}, with
     * {@code log |det ∂f⁻¹/∂y| = -log |det ∂f/∂x|} at {@code x = f⁻¹(y)} (inverse function theorem).
     */
    default Bijector inverted() {
        return new InverseBijector(this);
    }
}
