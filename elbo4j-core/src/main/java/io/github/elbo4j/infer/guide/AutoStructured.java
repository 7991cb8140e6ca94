package io.github.elbo4j.infer.guide;

import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import java.util.Set;

/**
 * A structured guide: a hand-written program for some latent sites and an automatic guide for all
 * the others, run as one guide (Pyro's {@code AutoGuideList} of a custom guide and an automatic
 * guide that blocks its sites). The automatic part is built over the model's layout without the
 * hand-written sites ({@link LatentLayout#without}), so each site is drawn once, and
 * {@code log q = log q_hand + log q_auto}: the two parts are independent. Typical use: a
 * hand-written guide for a hierarchical scale whose marginal a Gaussian in unconstrained space
 * gets wrong, and mean field for the rest. Fitted by stochastic VI without a warm start (the
 * hand-written part has its own starting values); not rebuilt from a saved fit.
 *
 * @param automatic        the guide of the other sites (mean field, low rank, full rank, flow or MAP)
 * @param handWritten      the program that draws exactly the sites of {@code handWrittenSites}, with its own params
 * @param handWrittenSites the names of the sites it draws
 */
public record AutoStructured(AutoGuide automatic, Model handWritten, Set<String> handWrittenSites) implements AutoGuide {

    /** Validates and copies the parts. */
    public AutoStructured {
        if (automatic == null || handWritten == null || handWrittenSites == null) {
            throw new IllegalArgumentException("a structured guide needs an automatic guide, a hand-written program and its site names");
        }
        if (automatic instanceof AutoChoice || automatic instanceof AutoLaplace || automatic instanceof AutoStructured) {
            throw new IllegalArgumentException("the automatic part of a structured guide must be delta, meanField, lowRank, fullRank "
                    + "or flow, got " + automatic.familyName());
        }
        if (handWrittenSites.isEmpty()) {
            throw new IllegalArgumentException("a structured guide needs at least one hand-written site, got none");
        }
        handWrittenSites = Set.copyOf(handWrittenSites);
    }

    /** The hand-written program, then the automatic guide over the remaining sites (in its plain coordinates). */
    @Override
    public Model guideFor(LatentLayout layout, Preconditioner preconditioner) {
        if (!preconditioner.isIdentity()) {
            throw new IllegalArgumentException("a structured guide has no warm start: its coordinates must be the identity");
        }
        LatentLayout rest = layout.without(handWrittenSites);
        Model auto = rest.dimension() == 0 ? m -> { } : automatic.guideFor(rest, Preconditioner.identity(rest.dimension()));
        return m -> {
            handWritten.run(m);
            auto.run(m);
        };
    }

    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner preconditioner) {
        throw new UnsupportedOperationException("a structured guide is not one Gaussian: summarize its draws");
    }

    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return Preconditioner.identity(mode.size());
    }

    @Override
    public String familyName() {
        return "structured";
    }

    /** Not one Gaussian over {@code u}: its summaries come from draws. */
    @Override
    public boolean isGaussian() {
        return false;
    }
}
