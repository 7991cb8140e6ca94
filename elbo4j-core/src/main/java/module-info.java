/** elbo4j core: tensors, autodiff, probability and variational inference. */
module io.github.elbo4j.core {
    requires dev.ludovic.netlib.blas;
    requires dev.ludovic.netlib.lapack;
    requires org.apache.commons.numbers.gamma;
    requires org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.rng.sampling;

    exports io.github.elbo4j.math;
    exports io.github.elbo4j.random;
    exports io.github.elbo4j.tensor;
    exports io.github.elbo4j.autodiff;
}
