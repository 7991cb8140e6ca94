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
    /** {@code max(x, 0)}; NaN stays NaN. */ RELU
}
