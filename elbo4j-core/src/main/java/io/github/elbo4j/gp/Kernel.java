package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * A covariance function {@code k(x, x')} on inputs {@code x ∈ ℝ^d} with positive hyperparameters,
 * each stored unconstrained ({@code θ = softplus(u)}, see {@code Positive}) so an optimizer can move
 * them freely. The hyperparameters enter {@link #matrix(Var, Var, Var)} as a {@link Var} so their
 * gradients (and those of the inputs, e.g. learned inducing inputs) flow back through the tape.
 *
 * <p>Kernels compose: {@link #plus} and {@link #times} give the sum and the product, both again
 * positive semi-definite (Rasmussen &amp; Williams, "Gaussian Processes for Machine Learning", MIT
 * Press 2006, §4.2.4); their hyperparameter vector is the left operand's followed by the right's.
 */
public sealed interface Kernel permits SquaredExponential, Matern, Periodic, Linear, SumKernel, ProductKernel {

    /** Number of (unconstrained) hyperparameters: one per name of {@link #parameterNames()}. */
    default int parameterCount() {
        return parameterNames().size();
    }

    /** The unconstrained hyperparameters {@code u}, {@code [parameterCount()]}. */
    Tensor parameters();

    /** Names of the hyperparameters, in the order of {@link #parameters()}, e.g. {@code lengthscale[0]}. */
    List<String> parameterNames();

    /** The constrained (positive) hyperparameters {@code softplus(u)}, in the same order. */
    default double[] constrainedParameters() {
        double[] u = parameters().toArray();
        for (int i = 0; i < u.length; i++) {
            u[i] = Positive.constrain(u[i]);
        }
        return u;
    }

    /**
     * The same kernel with the unconstrained hyperparameters {@code u}.
     *
     * @throws IllegalArgumentException if {@code u} is not {@code [parameterCount()]} or not finite
     */
    Kernel withParameters(Tensor u);

    /** The input dimension the kernel requires (ARD lengthscales fix it), or empty if any. */
    OptionalInt inputDimension();

    /**
     * The cross-covariance {@code K_ij = k(x1_i, x2_j)}, {@code [n1, n2]}, at the unconstrained
     * hyperparameters {@code u} ({@code [parameterCount()]}), differentiable in {@code u},
     * {@code x1} and {@code x2}.
     *
     * @throws IllegalArgumentException if {@code x1} or {@code x2} is not {@code [n, d]} with the
     *     kernel's input dimension
     */
    Var matrix(Var u, Var x1, Var x2);

    /** The variances {@code k(x_i, x_i)}, {@code [n]}, without forming the {@code n×n} matrix. */
    Var diagonal(Var u, Var x);

    /** {@link #matrix(Var, Var, Var)} at this kernel's own hyperparameters, as a tensor. */
    default Tensor matrix(Tensor x1, Tensor x2) {
        return matrix(Var.constant(parameters()), Var.constant(x1), Var.constant(x2)).value();
    }

    /** {@link #diagonal(Var, Var)} at this kernel's own hyperparameters, as a tensor. */
    default Tensor diagonal(Tensor x) {
        return diagonal(Var.constant(parameters()), Var.constant(x)).value();
    }

    /** The sum {@code k(x, x') + other(x, x')}. */
    default Kernel plus(Kernel other) {
        return SumKernel.of(this, other);
    }

    /** The product {@code k(x, x') · other(x, x')}. */
    default Kernel times(Kernel other) {
        return ProductKernel.of(this, other);
    }
}
