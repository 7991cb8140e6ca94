package io.github.elbo4j.nn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;

/**
 * A differentiable map from {@code [..., in]} to {@code [..., out]} whose learnable weights are
 * {@code param} sites of the model context it runs in. Every leading axis is a batch axis (the
 * particle axis, plates, a minibatch): a layer treats them as rows of one matrix, so a forward pass
 * costs one matrix product per weight matrix, never a Java loop over examples. (Not called
 * {@code Module}, which {@code java.lang} already names.)
 */
public interface Layer {

    /**
     * The layer applied to {@code x} of shape {@code [..., in]}, registering (or, under a parameter
     * handler, receiving) its parameters through {@code m.param}; the result has shape {@code [..., out]}.
     *
     * @throws IllegalArgumentException if the last axis of {@code x} is not the layer's input size
     */
    Var forward(ModelContext m, Var x);
}
