package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/** A flow layer over vectors of one fixed length, which {@link NormalizingFlow#of} checks against its base. */
interface VectorLayer extends Bijector {

    /** The length {@code D} of the vectors the layer acts on. */
    int dimension();

    /** The real vectors. */
    @Override
    default Constraint domain() {
        return new Constraint.RealVector();
    }

    /** The real vectors. */
    @Override
    default Constraint codomain() {
        return new Constraint.RealVector();
    }

    /** 1: the map couples the coordinates of the last axis. */
    @Override
    default int domainEventRank() {
        return 1;
    }

    /** Refuses an {@code x} whose last axis is not {@code dimension} long, naming {@code layer}. */
    static void requireLength(String layer, int dimension, Var x) {
        int[] s = x.shape();
        if (s.length == 0 || s[s.length - 1] != dimension) {
            throw new IllegalArgumentException(layer + " acts on vectors of length " + dimension + " (last axis), got shape "
                    + Arrays.toString(s));
        }
    }

    /**
     * {@code y = f(x)} and {@code log|det ∂f/∂x|} together; layers whose log-det comes out of the
     * forward pass (a network's output) override this to run their network once.
     */
    default NormalizingFlow.Pushed forwardAndLogAbsDet(Var x) {
        Var y = forward(x);
        return new NormalizingFlow.Pushed(y, logAbsDetJacobian(x, y));
    }
}
