package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * The periodic kernel {@code k(x, x') = σ² exp(-2 sin²(π r / P) / ℓ²)}, {@code r = |x - x'|} the
 * Euclidean distance (MacKay, "Introduction to Gaussian processes", 1998, eq. 47; Rasmussen &amp;
 * Williams 2006, eq. 4.31): hyperparameters {@code (σ², ℓ, P)}. scikit-learn's
 * {@code ConstantKernel(σ²) * ExpSineSquared(ℓ, P)} is the same function. With
 * {@code sin²(a) = (1 - cos 2a)/2} it is computed as {@code σ² exp((cos(2π r/P) - 1) / ℓ²)}.
 */
public final class Periodic implements Kernel {

    private static final String NAME = "Periodic";
    private static final List<String> NAMES = List.of("variance", "lengthscale", "period");

    private final Tensor u;

    private Periodic(Tensor u) {
        this.u = u;
    }

    /**
     * The periodic kernel with variance {@code σ²}, lengthscale {@code ℓ} and period {@code P}.
     *
     * @throws IllegalArgumentException if one of them is not finite and {@code > 0}
     */
    public static Periodic of(double variance, double lengthscale, double period) {
        return new Periodic(Hyperparameters.unconstrained(NAME, NAMES.toArray(String[]::new),
                new double[] {variance, lengthscale, period}));
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
    public Periodic withParameters(Tensor u) {
        return new Periodic(Hyperparameters.checkReplacement(NAME, u, 3, NAMES));
    }

    @Override
    public OptionalInt inputDimension() {
        return OptionalInt.empty();
    }

    @Override
    public Var matrix(Var u, Var x1, Var x2) {
        Inputs.checkPair(NAME, x1, x2, inputDimension());
        Var theta = Positive.constrain(u);
        Var one = Var.constant(Tensor.of(1.0));
        Var r = Inputs.distance(Inputs.squaredDistance(x1, x2, one));
        Var ell = theta.slice(0, 1, 2);
        Var angle = r.div(theta.slice(0, 2, 3)).mul(2 * Math.PI);
        return angle.apply(ElementwiseFunction.COS).sub(1).div(ell.square()).exp()
                .mul(theta.slice(0, 0, 1));
    }

    @Override
    public Var diagonal(Var u, Var x) {
        return Inputs.varianceDiagonal(NAME, u, x, inputDimension());
    }

    @Override
    public String toString() {
        return NAME + SquaredExponential.constrainedString(this);
    }
}
