package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.tensor.ElementwiseFunction;

/**
 * Element-wise nonlinearities between layers, each an {@link ElementwiseFunction} whose forward
 * loop lives in the tensor kernels and whose derivative sits next to the others in the autodiff
 * package. As a {@link Layer} an activation has no parameters and keeps the shape.
 */
public enum Activation implements Layer {
    /** {@code max(x, 0)}; derivative 1 for {@code x > 0}, else 0 (also at 0, as PyTorch). */
    RELU(ElementwiseFunction.RELU),
    /** {@code x} for {@code x > 0}, {@code e^x - 1} otherwise (α = 1; Clevert et al., ICLR 2016). */
    ELU(ElementwiseFunction.ELU),
    /** {@code tanh x}; derivative {@code 1 - tanh² x}. */
    TANH(ElementwiseFunction.TANH),
    /** {@code σ(x) = 1 / (1 + e^{-x})}, evaluated without overflow; derivative {@code σ(1 - σ)}. */
    SIGMOID(ElementwiseFunction.SIGMOID),
    /** {@code log(1 + e^x) = max(x, 0) + log1p(e^{-|x|})}; derivative {@code σ(x)}. */
    SOFTPLUS(ElementwiseFunction.SOFTPLUS),
    /** The exact GELU {@code x Φ(x)}, {@code Φ} the standard normal cdf through {@code erfc} (Hendrycks &amp; Gimpel, arXiv:1606.08415). */
    GELU(ElementwiseFunction.GELU),
    /** {@code x}: no nonlinearity (returns its argument). */
    IDENTITY(null);

    private final ElementwiseFunction function;

    Activation(ElementwiseFunction function) {
        this.function = function;
    }

    /** The activation applied element-wise to {@code x} (any shape); {@link #IDENTITY} returns {@code x} itself. */
    public Var apply(Var x) {
        return function == null ? x : x.apply(function);
    }

    /** {@link #apply(Var)}; the context is not used. */
    @Override
    public Var forward(ModelContext m, Var x) {
        return apply(x);
    }
}
