package io.github.elbo4j.autodiff;

import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable element-wise functions: the forward rule is {@link Tensor#apply}, the
 * derivative {@code f'(x)} (often cheaper from the output {@code y}) is written next to it.
 */
final class FunctionOps {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double SQRT_PI_OVER_TWO = 0.886226925452758;

    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private FunctionOps() {
    }

    static Var apply(Var a, ElementwiseFunction f) {
        Tensor out = a.value().apply(f);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        if (f == ElementwiseFunction.SIGN || f == ElementwiseFunction.TRIGAMMA) {
            throw new UnsupportedOperationException(f + " has no differentiable form in elbo4j"
                    + (f == ElementwiseFunction.TRIGAMMA ? " (its derivative, tetragamma, is not in Commons Numbers)" : ""));
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.mul(derivative(f, a.value(), out))));
    }

    /** {@code f'(x)} given {@code x} and {@code y = f(x)}. */
    static Tensor derivative(ElementwiseFunction f, Tensor x, Tensor y) {
        return switch (f) {
            case NEG -> Tensor.scalar(-1.0);
            case ABS -> x.apply(ElementwiseFunction.SIGN);
            case EXP -> y;
            case LOG -> x.rdiv(1.0);
            case LOG1P -> x.add(1.0).rdiv(1.0);
            case EXPM1 -> y.add(1.0);
            case SQRT -> y.rdiv(0.5);
            case SQUARE -> x.mul(2.0);
            case RECIPROCAL -> y.square().neg();
            case SIN -> x.apply(ElementwiseFunction.COS);
            case COS -> x.apply(ElementwiseFunction.SIN).neg();
            // sech² x, not 1 - tanh² x, which cancels for large |x| (0 instead of 3.5e-26 at x = 30)
            case TANH -> x.map(FunctionOps::sechSquared);
            // σ(x) σ(-x), not σ(x) (1 - σ(x)), which cancels for large x (1.8e-14 relative at x = 5, 0 at x = 40)
            case SIGMOID -> y.mul(x.neg().apply(ElementwiseFunction.SIGMOID));
            case SOFTPLUS -> x.apply(ElementwiseFunction.SIGMOID);
            case LOG_SIGMOID -> x.neg().apply(ElementwiseFunction.SIGMOID);
            // d/dx log(1 - e^x) = -e^x / (1 - e^x) = -1 / expm1(-x)
            case LOG1M_EXP -> x.neg().apply(ElementwiseFunction.EXPM1).rdiv(-1.0);
            case LGAMMA -> x.apply(ElementwiseFunction.DIGAMMA);
            case DIGAMMA -> x.apply(ElementwiseFunction.TRIGAMMA);
            case ERF -> x.square().neg().exp().mul(TWO_OVER_SQRT_PI);
            case ERFC -> x.square().neg().exp().mul(-TWO_OVER_SQRT_PI);
            case ERFINV -> y.square().exp().mul(SQRT_PI_OVER_TWO);
            case RELU -> x.gt(Tensor.scalar(0.0));
            case ELU -> x.map(v -> v > 0 ? 1.0 : Math.exp(v));
            case GELU -> x.map(FunctionOps::geluDerivative);
            case SIGN, TRIGAMMA -> throw new IllegalStateException("unreachable: " + f);
        };
    }

    /** {@code sech² x = 4e / (1 + e)²} with {@code e = e^{-2|x|} <= 1}: no overflow, no cancellation. */
    private static double sechSquared(double x) {
        double e = Math.exp(-2.0 * Math.abs(x));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }

    /**
     * {@code d/dx [x Φ(x)] = Φ(x) + x φ(x)}, with {@code φ(x) = e^{-x²/2} / √(2π)} (Hendrycks &amp;
     * Gimpel, arXiv:1606.08415); the second term is dropped where {@code φ} underflows, so
     * {@code ±∞} give the limits 0 and 1 instead of {@code ∞ · 0}.
     */
    private static double geluDerivative(double x) {
        double cdf = 0.5 * SpecialFunctions.erfc(-x * INV_SQRT2);
        double density = Math.exp(-0.5 * x * x) * INV_SQRT_2PI;
        return density == 0.0 ? cdf : cdf + x * density;
    }
}
