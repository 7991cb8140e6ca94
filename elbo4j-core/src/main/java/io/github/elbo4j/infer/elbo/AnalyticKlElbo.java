package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kl.KlDivergence;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;
import java.util.Optional;

/**
 * The ELBO written as {@code E_q[log p(x | z)] - Σ_s KL(q_s ‖ p_s)} with the KL of every latent
 * site whose guide/prior pair has a closed form taken exactly (Kingma &amp; Welling, ICLR 2014,
 * eq. 10; Pyro's {@code TraceMeanField_ELBO}); other latent sites keep the Monte Carlo term
 * {@code log p(z_s) - log q(z_s)}, and guide sites the model does not have (an automatic guide's
 * flat latent vector) add their {@code -log q}. Priors that depend on other latents are evaluated
 * at the sampled values, which keeps the estimate unbiased for mean-field guides.
 */
public record AnalyticKlElbo() implements ElboEstimator {

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        Var total = Var.constant(0.0);
        for (Site s : model.sites()) {
            if (s.type() != SiteType.SAMPLE) {
                continue;
            }
            Optional<Site> g = s.isObserved() ? Optional.empty() : guide.get(s.name());
            Var term;
            if (g.isPresent() && klApplies(g.get(), s)) {
                Var kl = KlDivergence.of(g.get().distribution().orElseThrow(), s.distribution().orElseThrow());
                term = in.perParticleValue(kl.mul(s.scale()).neg(), s);
            } else {
                term = in.perParticle(s);
                if (g.isPresent()) {
                    term = term.sub(in.perParticle(g.get()));
                }
            }
            if (nonFinite[0] == null && !term.value().allFinite()) {
                nonFinite[0] = s.name();
            }
            total = total.add(term);
        }
        // guide sites the model does not have (an automatic guide's flat latent, its affine map, a
        // flow's log-determinant) carry the rest of log q: without them the guide's entropy is lost
        for (Site g : guide.sites()) {
            if (g.type() != SiteType.SAMPLE || g.isObserved() || model.get(g.name()).isPresent()) {
                continue;
            }
            Var term = in.perParticle(g).neg();
            if (nonFinite[0] == null && !term.value().allFinite()) {
                nonFinite[0] = g.name();
            }
            total = total.add(term);
        }
        Var elbo = total.mean();
        return new ElboStep(elbo.neg(), elbo.item(), ElboInputs.firstNonFinite(nonFinite));
    }

    private static boolean klApplies(Site guideSite, Site modelSite) {
        Distribution q = guideSite.distribution().orElseThrow();
        Distribution p = modelSite.distribution().orElseThrow();
        return KlDivergence.hasClosedForm(q, p) && modelSite.mask().isEmpty();
    }
}
