package io.github.elbo4j.tensor;

/**
 * Element-wise functions of one argument, applied by {@link Tensor#apply}. Special functions come
 * from {@link io.github.elbo4j.math.SpecialFunctions}, stable log-space forms from
 * {@link io.github.elbo4j.math.LogSpace}.
 */
public enum ElementwiseFunction {
    /** {@code -x}. */ NEG,
    /** {@code |x|}. */ ABS,
    /** {@code sign(x)} in {-1, 0, 1}. */ SIGN,
    /** {@code e^x}. */ EXP,
    /** {@code log x}. */ LOG,
    /** {@code log(1 + x)}. */ LOG1P,
    /** {@code e^x - 1}. */ EXPM1,
    /** {@code √x}. */ SQRT,
    /** {@code x²}. */ SQUARE,
    /** {@code 1 / x}. */ RECIPROCAL,
    /** {@code sin x}. */ SIN,
    /** {@code cos x}. */ COS,
    /** {@code tanh x}. */ TANH,
    /** {@code 1 / (1 + e^{-x})}. */ SIGMOID,
    /** {@code log(1 + e^x)}. */ SOFTPLUS,
    /** {@code log σ(x)}. */ LOG_SIGMOID,
    /** {@code log(1 - e^x)}, {@code x <= 0}. */ LOG1M_EXP,
    /** {@code log Γ(x)}. */ LGAMMA,
    /** {@code ψ(x)}. */ DIGAMMA,
    /** {@code ψ'(x)}. */ TRIGAMMA,
    /** {@code erf x}. */ ERF,
    /** {@code erfc x}. */ ERFC,
    /** {@code erf⁻¹ x}. */ ERFINV,
    /** {@code max(x, 0)}; NaN stays NaN. */ RELU,
    /**
     * {@code x} for {@code x > 0}, {@code e^x - 1} (as {@code expm1}, exact near 0) otherwise: the
     * exponential linear unit with {@code α = 1} (Clevert, Unterthiner &amp; Hochreiter, ICLR 2016,
     * eq. 15). Its derivative is 1 for {@code x > 0} and {@code e^x} otherwise, continuous at 0.
     */
    ELU,
    /**
     * {@code x Φ(x)} with {@code Φ(x) = erfc(-x / √2) / 2} the standard normal cdf: the exact
     * Gaussian error linear unit (Hendrycks &amp; Gimpel, arXiv:1606.08415, sec. 2; {@code torch.nn.GELU}
     * with {@code approximate='none'}). {@code erfc} keeps {@code Φ} accurate in the left tail, where
     * {@code 1 + erf} would cancel; {@code -0.0} where {@code Φ} underflows (below about -38.5, and
     * at -∞, whose limit is 0). Derivative {@code Φ(x) + x φ(x)}.
     */
    GELU
}
