package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.transform.Bijector;

/** A flow layer over vectors of one fixed length, which {@link NormalizingFlow#of} checks against its base. */
interface VectorLayer extends Bijector {

    /** The length {@code D} of the vectors the layer acts on. */
    int dimension();

    /**
     * {@code y = f(x)} and {@code log|det ∂f/∂x|} together; layers whose log-det comes out of the
     * forward pass (a network's output) override this to run their network once.
     */
    default NormalizingFlow.Pushed forwardAndLogAbsDet(Var x) {
        Var y = forward(x);
        return new NormalizingFlow.Pushed(y, logAbsDetJacobian(x, y));
    }
}
