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
 * shape, i.e. {@code x}'s shape without its trailing {@code domain().eventRank()} axes.
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
}
