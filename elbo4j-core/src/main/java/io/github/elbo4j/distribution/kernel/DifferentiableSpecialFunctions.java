package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.CustomFunction;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.BesselI;
import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * Two-argument functions of log-densities that {@link Var} does not offer, each with its
 * vector-Jacobian product written next to its value: {@code x log y} and {@code x log1p(y)} with
 * the convention {@code 0 · log 0 = 0} (which the densities of Gamma, Beta and Weibull need at the
 * edge of their support), {@code log B(a, b)} at the accuracy of Commons Numbers (no
 * cancellation between three large {@code log Γ}), and the von Mises normalizer {@code log I_0(κ)}
 * with the Bessel ratio {@code A(κ)}.
 */
public final class DifferentiableSpecialFunctions {

    private DifferentiableSpecialFunctions() {
    }

    /**
     * {@code x log y}, defined as 0 where {@code x = 0} (also for {@code y = 0}), as
     * {@code scipy.special.xlogy}. Derivatives: {@code ∂/∂x = log y}, {@code ∂/∂y = x / y}
     * (0 where {@code x = 0}).
     */
    public static Var xlogy(Var x, Var y) {
        return xlogyOf(x, y, false);
    }

    /** {@code x log(1 + y)}, 0 where {@code x = 0} ({@code scipy.special.xlog1py}); {@code ∂/∂y = x / (1 + y)}. */
    public static Var xlog1py(Var x, Var y) {
        return xlogyOf(x, y, true);
    }

    private static Var xlogyOf(Var x, Var y, boolean plusOne) {
        int[] shape = Broadcasting.shape(x.shape(), y.shape());
        Tensor xv = x.value().broadcastTo(shape);
        Tensor yv = y.value().broadcastTo(shape);
        Tensor logY = plusOne ? yv.apply(ElementwiseFunction.LOG1P) : yv.log();
        Tensor zero = Tensor.scalar(0.0);
        Tensor isZero = xv.eq(zero);
        Tensor value = Tensor.where(isZero, zero, xv.mul(logY));
        return CustomFunction.apply(value, (g, k) -> {
            if (k == 0) {
                return g.mul(logY).sumToShapeOf(x.value());
            }
            Tensor dy = Tensor.where(isZero, zero, xv.div(plusOne ? yv.add(1.0) : yv));
            return g.mul(dy).sumToShapeOf(y.value());
        }, x, y);
    }

    /**
     * {@code log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b)} (DLMF 5.12.1) by
     * {@link SpecialFunctions#logBeta}; {@code ∂/∂a = ψ(a) - ψ(a + b)}, {@code ∂/∂b = ψ(b) - ψ(a + b)}.
     */
    public static Var logBeta(Var a, Var b) {
        int[] shape = Broadcasting.shape(a.shape(), b.shape());
        double[] av = a.value().broadcastTo(shape).toArray();
        double[] bv = b.value().broadcastTo(shape).toArray();
        double[] value = new double[av.length];
        for (int i = 0; i < av.length; i++) {
            value[i] = SpecialFunctions.logBeta(av[i], bv[i]);
        }
        return CustomFunction.apply(Tensor.of(value, shape), (g, k) -> {
            double[] own = k == 0 ? av : bv;
            double[] d = new double[own.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = SpecialFunctions.digamma(own[i]) - SpecialFunctions.digamma(av[i] + bv[i]);
            }
            return g.mul(Tensor.of(d, shape)).sumToShapeOf((k == 0 ? a : b).value());
        }, a, b);
    }

    /**
     * {@code log I_0(κ)} ({@link BesselI#logI0(double)}) as a differentiable value:
     * {@code d/dκ log I_0(κ) = A(κ)} (DLMF 10.29.3).
     */
    public static Var logBesselI0(Var kappa) {
        Tensor k = kappa.value();
        return CustomFunction.apply(k.map(BesselI::logI0),
                (g, i) -> g.mul(k.map(BesselI::ratio)).sumToShapeOf(k), kappa);
    }

    /**
     * {@code A(κ) = I_1(κ) / I_0(κ)} ({@link BesselI#ratio(double)}) as a differentiable value:
     * {@code A'(κ) = 1 - A/κ - A²}, from {@code I_1' = I_0 - I_1/κ} and {@code I_0' = I_1} (DLMF 10.29.2).
     */
    public static Var besselRatio(Var kappa) {
        Tensor k = kappa.value();
        Tensor a = k.map(BesselI::ratio);
        return CustomFunction.apply(a, (g, i) -> g.mul(a.div(k).add(a.square()).rsub(1.0)).sumToShapeOf(k), kappa);
    }
}
