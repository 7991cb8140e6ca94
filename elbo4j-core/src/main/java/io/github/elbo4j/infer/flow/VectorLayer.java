package io.github.elbo4j.infer.flow;

import io.github.elbo4j.transform.Bijector;

/** A flow layer over vectors of one fixed length, which {@link NormalizingFlow#of} checks against its base. */
interface VectorLayer extends Bijector {

    /** The length {@code D} of the vectors the layer acts on. */
    int dimension();
}
