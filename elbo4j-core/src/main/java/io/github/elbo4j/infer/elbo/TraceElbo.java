package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Trace;

/**
 * The reparameterized ELBO estimator (Kingma &amp; Welling, ICLR 2014; Titsias &amp;
 * Lázaro-Gredilla, ICML 2014): with {@code P} particles {@code z_p ~ q} drawn by pathwise
 * sampling, {@code ELBO ≈ (1/P) Σ_p [log p(x, z_p) - log q(z_p)]}, and the loss is its negative.
 * Its gradient is unbiased when every guide site is reparameterizable.
 */
public record TraceElbo() implements ElboEstimator {

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        Var logP = in.sumPerParticle(model, nonFinite);
        Var logQ = in.sumPerParticle(guide, nonFinite);
        Var elbo = logP.sub(logQ).mean();
        return new ElboStep(elbo.neg(), elbo.item(), ElboInputs.firstNonFinite(nonFinite));
    }
}
