package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * The squared exponential kernel with automatic relevance determination,
 * {@code k(x, x') = σ² exp(-r²/2)}, {@code r² = Σ_k (x_k - x'_k)² / ℓ_k²} (Rasmussen &amp; Williams
 * 2006, eq. 4.9 and §5.1): one lengthscale per input dimension, or one shared (isotropic). The
 * hyperparameters are {@code (σ², ℓ_1, ..., ℓ_L)}, stored as {@code softplus⁻¹}. scikit-learn's
 * {@code ConstantKernel(σ²) * RBF(ℓ)} is the same function.
 */
public final class SquaredExponential implements Kernel {

    private static final String NAME = "SquaredExponential";

    private final Tensor u;
    private final int lengthscales;

    private SquaredExponential(Tensor u, int lengthscales) {
        this.u = u;
        this.lengthscales = lengthscales;
    }

    /**
     * {@code σ² exp(-r²/2)} with variance {@code σ²} and lengthscales {@code ℓ} (one: isotropic;
     * {@code d}: ARD on {@code d}-dimensional inputs).
     *
     * @throws IllegalArgumentException if the variance or a lengthscale is not finite and {@code > 0},
     *     e.g. {@code SquaredExponential lengthscale[1] must be finite and > 0, got -0.5}
     */
    public static SquaredExponential of(double variance, double... lengthscales) {
        double[] ls = Hyperparameters.lengthscales(NAME, lengthscales);
        Positive.check(NAME + " variance", variance);
        String[] names = Hyperparameters.varianceAndLengthscales(ls.length).toArray(String[]::new);
        return new SquaredExponential(Hyperparameters.unconstrained(NAME, names, Hyperparameters.concat(variance, ls)),
                ls.length);
    }

    @Override
    public Tensor parameters() {
        return u;
    }

    @Override
    public List<String> parameterNames() {
        return Hyperparameters.varianceAndLengthscales(lengthscales);
    }

    @Override
    public SquaredExponential withParameters(Tensor u) {
        return new SquaredExponential(Hyperparameters.checkReplacement(NAME, u, parameterCount(), parameterNames()),
                lengthscales);
    }

    @Override
    public OptionalInt inputDimension() {
        return lengthscales == 1 ? OptionalInt.empty() : OptionalInt.of(lengthscales);
    }

    @Override
    public Var matrix(Var u, Var x1, Var x2) {
        Inputs.checkPair(NAME, x1, x2, inputDimension());
        Var theta = Positive.constrain(u);
        Var r2 = Inputs.squaredDistance(x1, x2, theta.slice(0, 1, lengthscales + 1));
        return r2.mul(-0.5).exp().mul(theta.slice(0, 0, 1));
    }

    @Override
    public Var diagonal(Var u, Var x) {
        return Inputs.varianceDiagonal(NAME, u, x, inputDimension());
    }

    @Override
    public String toString() {
        return NAME + constrainedString(this);
    }

    static String constrainedString(Kernel k) {
        double[] c = k.constrainedParameters();
        List<String> names = k.parameterNames();
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < c.length; i++) {
            s.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append((float) c[i]);
        }
        return s.append(')').toString();
    }
}
