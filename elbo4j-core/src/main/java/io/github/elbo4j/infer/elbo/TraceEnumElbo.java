package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;

/**
 * The reparameterized ELBO with the model's discrete latents summed out exactly (Pyro's
 * {@code TraceEnum_ELBO}; Obermeyer et al., "Tensor variable elimination for plated factor
 * graphs", ICML 2019). Split the latents into continuous {@code z} (drawn by the guide, {@code P}
 * particles) and discrete {@code y} of finite support (not in the guide). Then
 * <pre>{@code ELBO = E_q(z)[log Σ_y p(x, y, z) - log q(z)] ≈ (1/P) Σ_p [log Σ_y p(x, y, z_p) - log q(z_p)]}</pre>
 * which is the ELBO of {@code q(z) p(y | x, z)}, the best guide for {@code y} given {@code z}, and
 * bounds {@code log p(x)} as tightly as any guide over {@code z} alone can. The model runs once:
 * every {@code y} site holds its whole support along its own batch axis left of the particle axis
 * ({@link io.github.elbo4j.model.EnumerateHandler}), and {@code log Σ_y} is computed by tensor
 * variable elimination over those axes, respecting plates ({@link TensorVariableElimination}).
 * The gradient is unbiased when every guide site is reparameterizable; a guide that draws a
 * discrete site is refused (leave it to the enumeration).
 */
public record TraceEnumElbo() implements ElboEstimator {

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        for (Site s : guide.latentSites()) {
            if (s.distribution().orElseThrow().support().isDiscrete()) {
                throw new IllegalArgumentException("the guide draws the discrete site '" + s.name() + "' with support "
                        + s.distribution().orElseThrow().support() + ": TraceEnumElbo sums discrete sites out in the model; "
                        + "leave it out of the guide (or use ElboEstimator.scoreFunction())");
            }
        }
        Trace model = in.traceModelEnumerated(guide);
        String[] nonFinite = new String[1];
        Var logP = in.sumPerParticleEnumerated(model, nonFinite);
        Var logQ = in.sumPerParticle(guide, nonFinite);
        Var elbo = logP.sub(logQ).mean();
        if (nonFinite[0] == null && !Double.isFinite(elbo.item())) {
            nonFinite[0] = "(enumerated log joint)";
        }
        return new ElboStep(elbo.neg(), elbo.item(), ElboInputs.firstNonFinite(nonFinite));
    }

    /** True: the model's discrete sites are enumerated. */
    @Override
    public boolean enumeratesDiscreteSites() {
        return true;
    }
}
