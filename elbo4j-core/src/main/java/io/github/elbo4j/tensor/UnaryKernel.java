package io.github.elbo4j.tensor;

import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.math.SpecialFunctions;

/** Loops of the {@link ElementwiseFunction}s, one loop per function (see {@link BinaryKernel}). */
final class UnaryKernel {

    private UnaryKernel() {
    }

    static Tensor apply(ElementwiseFunction op, Tensor t) {
        double[] x = t.dataView();
        int n = x.length;
        double[] o = new double[n];
        switch (op) {
            case NEG -> { for (int i = 0; i < n; i++) { o[i] = -x[i]; } }
            case ABS -> { for (int i = 0; i < n; i++) { o[i] = Math.abs(x[i]); } }
            case SIGN -> { for (int i = 0; i < n; i++) { o[i] = Math.signum(x[i]); } }
            case EXP -> { for (int i = 0; i < n; i++) { o[i] = Math.exp(x[i]); } }
            case LOG -> { for (int i = 0; i < n; i++) { o[i] = Math.log(x[i]); } }
            case LOG1P -> { for (int i = 0; i < n; i++) { o[i] = Math.log1p(x[i]); } }
            case EXPM1 -> { for (int i = 0; i < n; i++) { o[i] = Math.expm1(x[i]); } }
            case SQRT -> { for (int i = 0; i < n; i++) { o[i] = Math.sqrt(x[i]); } }
            case SQUARE -> { for (int i = 0; i < n; i++) { o[i] = x[i] * x[i]; } }
            case RECIPROCAL -> { for (int i = 0; i < n; i++) { o[i] = 1.0 / x[i]; } }
            case SIN -> { for (int i = 0; i < n; i++) { o[i] = Math.sin(x[i]); } }
            case COS -> { for (int i = 0; i < n; i++) { o[i] = Math.cos(x[i]); } }
            case TANH -> { for (int i = 0; i < n; i++) { o[i] = Math.tanh(x[i]); } }
            case SIGMOID -> { for (int i = 0; i < n; i++) { o[i] = LogSpace.sigmoid(x[i]); } }
            case SOFTPLUS -> { for (int i = 0; i < n; i++) { o[i] = LogSpace.softplus(x[i]); } }
            case LOG_SIGMOID -> { for (int i = 0; i < n; i++) { o[i] = LogSpace.logSigmoid(x[i]); } }
            case LOG1M_EXP -> { for (int i = 0; i < n; i++) { o[i] = LogSpace.log1mExp(x[i]); } }
            case LGAMMA -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.lgamma(x[i]); } }
            case DIGAMMA -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.digamma(x[i]); } }
            case TRIGAMMA -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.trigamma(x[i]); } }
            case ERF -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.erf(x[i]); } }
            case ERFC -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.erfc(x[i]); } }
            case ERFINV -> { for (int i = 0; i < n; i++) { o[i] = SpecialFunctions.erfinv(x[i]); } }
            case RELU -> { for (int i = 0; i < n; i++) { o[i] = x[i] > 0 || x[i] != x[i] ? x[i] : 0.0; } }
            case ELU -> { for (int i = 0; i < n; i++) { o[i] = x[i] > 0 ? x[i] : Math.expm1(x[i]); } }
            case GELU -> { for (int i = 0; i < n; i++) { o[i] = gelu(x[i]); } }
        }
        return new Tensor(o, t.shapeView());
    }

    /** {@code 1 / √2}. */
    private static final double INV_SQRT2 = 0.7071067811865476;

    /** {@code x Φ(x)}, {@code Φ(x) = erfc(-x/√2) / 2}; see {@link ElementwiseFunction#GELU}. */
    private static double gelu(double x) {
        double cdf = 0.5 * SpecialFunctions.erfc(-x * INV_SQRT2);
        return cdf == 0.0 ? -0.0 : x * cdf;
    }

    /** {@code f} applied to every element, into a new array. */
    static double[] map(java.util.function.DoubleUnaryOperator f, double[] x) {
        double[] o = new double[x.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = f.applyAsDouble(x[i]);
        }
        return o;
    }
}
