package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * The product {@code k(x, x') = k₁(x, x') k₂(x, x')} of two kernels, positive semi-definite by the
 * Schur product theorem: the covariance of the product of two independent zero-mean processes
 * (Rasmussen &amp; Williams 2006, §4.2.4). Hyperparameters:
 * {@code k₁}'s then {@code k₂}'s, named {@code left.…} and {@code right.…}.
 */
public final class ProductKernel implements Kernel {

    private final Kernel left;
    private final Kernel right;

    private ProductKernel(Kernel left, Kernel right) {
        this.left = left;
        this.right = right;
    }

    /**
     * {@code left × right}.
     *
     * @throws IllegalArgumentException if both fix their input dimension and the two differ
     */
    public static ProductKernel of(Kernel left, Kernel right) {
        Composition.checkDimensions("ProductKernel", left, right);
        return new ProductKernel(left, right);
    }

    /** The left factor. */
    public Kernel left() {
        return left;
    }

    /** The right factor. */
    public Kernel right() {
        return right;
    }

    @Override
    public int parameterCount() {
        return left.parameterCount() + right.parameterCount();
    }

    @Override
    public Tensor parameters() {
        return Tensor.concat(0, left.parameters(), right.parameters());
    }

    @Override
    public List<String> parameterNames() {
        return Composition.names(left, right);
    }

    @Override
    public ProductKernel withParameters(Tensor u) {
        Hyperparameters.checkReplacement("ProductKernel", u, parameterCount(), parameterNames());
        int a = left.parameterCount();
        return new ProductKernel(left.withParameters(u.slice(0, 0, a)), right.withParameters(u.slice(0, a, u.size())));
    }

    @Override
    public OptionalInt inputDimension() {
        return Composition.dimension(left, right);
    }

    @Override
    public Var matrix(Var u, Var x1, Var x2) {
        int a = left.parameterCount();
        return left.matrix(u.slice(0, 0, a), x1, x2).mul(right.matrix(u.slice(0, a, parameterCount()), x1, x2));
    }

    @Override
    public Var diagonal(Var u, Var x) {
        int a = left.parameterCount();
        return left.diagonal(u.slice(0, 0, a), x).mul(right.diagonal(u.slice(0, a, parameterCount()), x));
    }

    @Override
    public String toString() {
        return "(" + left + " × " + right + ")";
    }
}
