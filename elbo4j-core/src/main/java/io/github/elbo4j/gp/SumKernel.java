package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The sum {@code k(x, x') = k₁(x, x') + k₂(x, x')} of two kernels, positive semi-definite as a sum
 * of covariances of independent processes (Rasmussen &amp; Williams 2006, §4.2.4). Hyperparameters:
 * {@code k₁}'s then {@code k₂}'s, named {@code left.…} and {@code right.…}.
 */
public final class SumKernel extends Composition implements Kernel {

    private SumKernel(Kernel left, Kernel right) {
        super(left, right);
    }

    /**
     * {@code left + right}.
     *
     * @throws IllegalArgumentException if both fix their input dimension and the two differ
     */
    public static SumKernel of(Kernel left, Kernel right) {
        checkDimensions("SumKernel", left, right);
        return new SumKernel(left, right);
    }

    @Override
    public SumKernel withParameters(Tensor u) {
        Kernel[] k = operandsWith(u);
        return new SumKernel(k[0], k[1]);
    }

    @Override
    Var combine(Var a, Var b) {
        return a.add(b);
    }

    @Override
    String symbol() {
        return "+";
    }
}
