/** elbo4j core: tensors, autodiff, probability and variational inference. */
module io.github.elbo4j.core {
    requires dev.ludovic.netlib.blas;
    requires dev.ludovic.netlib.lapack;
    requires arpack.combined.all; // org.netlib.util.intW, the LAPACK info out-parameter
    requires org.apache.commons.numbers.gamma;
    requires transitive org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.rng.sampling;
    requires com.fasterxml.jackson.databind; // saved fits (Fit.save / FitJson)
    requires static jdk.incubator.vector; // SIMD loops, used only when the JVM adds the module

    exports io.github.elbo4j.math;
    exports io.github.elbo4j.random;
    exports io.github.elbo4j.tensor;
    exports io.github.elbo4j.autodiff;
    exports io.github.elbo4j.transform;
    exports io.github.elbo4j.distribution;
    exports io.github.elbo4j.distribution.continuous;
    exports io.github.elbo4j.distribution.discrete;
    exports io.github.elbo4j.distribution.multivariate;
    exports io.github.elbo4j.distribution.kl;
    exports io.github.elbo4j.model;
    exports io.github.elbo4j.optim;
    exports io.github.elbo4j.nn;
    exports io.github.elbo4j.infer;
    exports io.github.elbo4j.infer.elbo;
    exports io.github.elbo4j.infer.guide;
    exports io.github.elbo4j.infer.flow;
    exports io.github.elbo4j.diagnostics;
    exports io.github.elbo4j.data;
    exports io.github.elbo4j.mcmc;
    exports io.github.elbo4j.amortized;
    exports io.github.elbo4j.pathfinder;
    exports io.github.elbo4j.svgd;
    exports io.github.elbo4j.bnn;
    exports io.github.elbo4j.gp;
    exports io.github.elbo4j.cavi;
    exports io.github.elbo4j.cavi.gmm;
    exports io.github.elbo4j.cavi.lda;
    exports io.github.elbo4j.cavi.conjugate;
}
