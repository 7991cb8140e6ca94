package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/**
 * A differentiable function defined by its value and its pullback, for derivatives the
 * built-in operations cannot express: implicit reparameterization gradients (Figurnov, Mohamed
 * &amp; Mnih, NeurIPS 2018), special-function derivatives, fused kernels. The caller computes
 * the output; the pullback maps the output's adjoint to each input's contribution.
 */
public final class CustomFunction {

    private CustomFunction() {
    }

    /** Maps the output adjoint {@code grad} to the adjoint contribution of input {@code k} (its shape). */
    @FunctionalInterface
    public interface Pullback {
        Tensor apply(Tensor grad, int k);
    }

    /**
     * A {@link Var} holding {@code value} whose gradient flows to {@code inputs} through
     * {@code pullback}. Not recorded when every input is a constant.
     */
    public static Var apply(Tensor value, Pullback pullback, Var... inputs) {
        Tape t = Tape.of(inputs);
        if (t == null) {
            return Var.constant(value);
        }
        Var[] in = inputs.clone();
        return t.record(value, (g, adj) -> {
            for (int k = 0; k < in.length; k++) {
                if (in[k].isTracked()) {
                    adj.add(in[k], pullback.apply(g, k));
                }
            }
        });
    }
}
