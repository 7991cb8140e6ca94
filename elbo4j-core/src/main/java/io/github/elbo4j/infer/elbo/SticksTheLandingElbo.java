package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import java.util.HashMap;
import java.util.Map;

/**
 * "Sticking the landing" (Roeder, Wu &amp; Duvenaud, NeurIPS 2017, eq. 8): the reparameterized
 * ELBO gradient without the score term {@code ∂ log q(z; φ)/∂φ} at fixed {@code z}, whose
 * expectation is zero but whose variance does not vanish at the optimum. The surrogate is
 * {@code log p(x, z(φ)) - log q(z(φ); φ) + log q(stop(z); φ)}: the last term, the guide re-scored
 * at the detached draws, cancels exactly the score part of the gradient.
 */
public record SticksTheLandingElbo() implements ElboEstimator {

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        Map<String, Var> detached = new HashMap<>();
        for (Site s : guide.sites()) {
            if (s.type() == SiteType.SAMPLE && !s.isObserved()) {
                detached.put(s.name(), s.value().detach());
            }
        }
        Trace rescored = ModelContext.trace(in.guide(), in.params(), new SubstituteHandler(detached::get),
                new SeedHandler(in.rng().split(0)));
        String[] nonFinite = new String[1];
        Var elbo = in.sumPerParticle(model, nonFinite).sub(in.sumPerParticle(guide, nonFinite));
        Var score = in.sumPerParticle(rescored, nonFinite);
        Var surrogate = elbo.add(score.sub(score.detach())).mean();
        return new ElboStep(surrogate.neg(), elbo.mean().item(), ElboInputs.firstNonFinite(nonFinite));
    }
}
