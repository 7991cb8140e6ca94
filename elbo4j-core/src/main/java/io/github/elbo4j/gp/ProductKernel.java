package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The product {@code k(x, x') = k₁(x, x') k₂(x, x')} of two kernels, positive semi-definite by the
 * Schur product theorem: the covariance of the product of two independent zero-mean processes
 * (Rasmussen &amp; Williams 2006, §4.2.4). Hyperparameters:
 * {@code k₁}'s then {@code k₂}'s, named {@code left.…} and {@code right.…}.
 */
public final class ProductKernel extends Composition implements Kernel {

    private ProductKernel(Kernel left, Kernel right) {
        super(left, right);
    }

    /**
     * {@code left × right}.
     *
     * @throws IllegalArgumentException if both fix their input dimension and the two differ
     */
    public static ProductKernel of(Kernel left, Kernel right) {
        checkDimensions("ProductKernel", left, right);
        return new ProductKernel(left, right);
    }

    @Override
    public ProductKernel withParameters(Tensor u) {
        Kernel[] k = operandsWith(u);
        return new ProductKernel(k[0], k[1]);
    }

    @Override
    Var combine(Var a, Var b) {
        return a.mul(b);
    }

    @Override
    String symbol() {
        return "×";
    }
}
