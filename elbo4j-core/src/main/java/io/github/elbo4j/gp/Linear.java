package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * The linear (dot-product) kernel {@code k(x, x') = σ² xᵀx'} (Rasmussen &amp; Williams 2006, eq.
 * 4.24 with {@code Σ_p = σ² I}): Bayesian linear regression through the origin with weight prior
 * {@code N(0, σ² I)}. One hyperparameter, {@code σ²}. scikit-learn's {@code ConstantKernel(σ²) *
 * DotProduct(sigma_0=0)} is the same function; add a constant input column for an intercept.
 */
public final class Linear implements Kernel {

    private static final String NAME = "Linear";
    private static final List<String> NAMES = List.of("variance");

    private final Tensor u;

    private Linear(Tensor u) {
        this.u = u;
    }

    /**
     * The linear kernel with variance {@code σ²}.
     *
     * @throws IllegalArgumentException if {@code variance} is not finite and {@code > 0}
     */
    public static Linear of(double variance) {
        return new Linear(Hyperparameters.unconstrained(NAME, new String[] {"variance"}, new double[] {variance}));
    }

    @Override
    public Tensor parameters() {
        return u;
    }

    @Override
    public List<String> parameterNames() {
        return NAMES;
    }

    @Override
    public Linear withParameters(Tensor u) {
        return new Linear(Hyperparameters.checkReplacement(NAME, u, 1, NAMES));
    }

    @Override
    public OptionalInt inputDimension() {
        return OptionalInt.empty();
    }

    @Override
    public Var matrix(Var u, Var x1, Var x2) {
        Inputs.checkPair(NAME, x1, x2, inputDimension());
        return x1.matmul(x2.transpose()).mul(Positive.constrain(u));
    }

    @Override
    public Var diagonal(Var u, Var x) {
        Inputs.check(NAME, "x", x, inputDimension());
        return x.square().sum(1).mul(Positive.constrain(u));
    }

    @Override
    public String toString() {
        return NAME + SquaredExponential.constrainedString(this);
    }
}
