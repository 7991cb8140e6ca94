package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.OptionalInt;

/**
 * The Matérn kernels of half-integer smoothness {@code ν = p + 1/2}, {@code p ∈ {0, 1, 2}}, with ARD
 * distance {@code r = √(Σ_k (x_k - x'_k)² / ℓ_k²)} (Rasmussen &amp; Williams 2006, eqs. 4.16-4.17):
 * <pre>
 *   ν = 1/2:  k = σ² exp(-r)
 *   ν = 3/2:  k = σ² (1 + √3 r) exp(-√3 r)
 *   ν = 5/2:  k = σ² (1 + √5 r + 5 r²/3) exp(-√5 r)
 * </pre>
 * Hyperparameters {@code (σ², ℓ_1, ..., ℓ_L)}; scikit-learn's {@code ConstantKernel(σ²) *
 * Matern(ℓ, nu)} is the same function.
 */
public final class Matern implements Kernel {

    private static final double SQRT3 = Math.sqrt(3);
    private static final double SQRT5 = Math.sqrt(5);

    private final int p;
    private final Tensor u;
    private final int lengthscales;

    private Matern(int p, Tensor u, int lengthscales) {
        this.p = p;
        this.u = u;
        this.lengthscales = lengthscales;
    }

    /** Matérn 1/2 (the exponential kernel, Ornstein-Uhlenbeck in one dimension). */
    public static Matern half(double variance, double... lengthscales) {
        return of(0, variance, lengthscales);
    }

    /** Matérn 3/2: once mean-square differentiable sample paths. */
    public static Matern threeHalves(double variance, double... lengthscales) {
        return of(1, variance, lengthscales);
    }

    /** Matérn 5/2: twice mean-square differentiable sample paths. */
    public static Matern fiveHalves(double variance, double... lengthscales) {
        return of(2, variance, lengthscales);
    }

    private static Matern of(int p, double variance, double[] lengthscales) {
        String name = name(p);
        double[] ls = Hyperparameters.lengthscales(name, lengthscales);
        Positive.check(name + " variance", variance);
        String[] names = Hyperparameters.varianceAndLengthscales(ls.length).toArray(String[]::new);
        return new Matern(p, Hyperparameters.unconstrained(name, names, Hyperparameters.concat(variance, ls)), ls.length);
    }

    private static String name(int p) {
        return "Matern" + (2 * p + 1) + "/2";
    }

    /** The smoothness {@code ν} (0.5, 1.5 or 2.5). */
    public double nu() {
        return p + 0.5;
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
    public Matern withParameters(Tensor u) {
        return new Matern(p, Hyperparameters.checkReplacement(name(p), u, parameterCount(), parameterNames()),
                lengthscales);
    }

    @Override
    public OptionalInt inputDimension() {
        return lengthscales == 1 ? OptionalInt.empty() : OptionalInt.of(lengthscales);
    }

    @Override
    public Var matrix(Var u, Var x1, Var x2) {
        Inputs.checkPair(name(p), x1, x2, inputDimension());
        Var theta = Positive.constrain(u);
        Var r = Inputs.distance(Inputs.squaredDistance(x1, x2, theta.slice(0, 1, lengthscales + 1)));
        Var shape = switch (p) {
            case 0 -> r.neg().exp();
            case 1 -> r.mul(SQRT3).add(1).mul(r.mul(-SQRT3).exp());
            default -> r.mul(SQRT5).add(r.square().mul(5.0 / 3)).add(1).mul(r.mul(-SQRT5).exp());
        };
        return shape.mul(theta.slice(0, 0, 1));
    }

    @Override
    public Var diagonal(Var u, Var x) {
        return Inputs.varianceDiagonal(name(p), u, x, inputDimension());
    }

    @Override
    public String toString() {
        return name(p) + SquaredExponential.constrainedString(this);
    }
}
