package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;

/**
 * The importance-weighted bound per datum (Burda, Grosse &amp; Salakhutdinov, ICLR 2016, eq. 8), for
 * a model whose latents are all local to one plate over the data (the VAE's training objective):
 * {@code L_K = (N/B) Σ_{i∈batch} [log (1/K) Σ_k w_ik]}, {@code w_ik = p(x_i, z_ik) / q(z_ik | x_i)},
 * over the fit's {@code K} particles. Unlike {@link ImportanceWeightedElbo}, which weighs whole
 * runs (all data jointly), each datum gets its own {@code K} weights, so the bound tightens per
 * datum as {@code K} grows. {@code K = 1} is the ELBO.
 *
 * @param plate the plate over the data; every sample site must be inside it and no other plate
 */
public record PerDatumImportanceWeightedElbo(String plate) implements ElboEstimator {

    /** Validates the plate name. */
    public PerDatumImportanceWeightedElbo {
        if (plate == null || plate.isEmpty()) {
            throw new IllegalArgumentException("per-datum importance weighting needs the name of the data plate, got " + plate);
        }
    }

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        double[] scale = {Double.NaN};
        Var logW = sum(model, nonFinite, scale).sub(sum(guide, nonFinite, scale));
        if (logW.value().rank() != 2) {
            logW = logW.broadcastTo(in.particles(), logW.shape()[logW.shape().length - 1]);
        }
        Var bound = logW.logSumExp(0).sub(Math.log(in.particles())).sum().mul(Double.isNaN(scale[0]) ? 1.0 : scale[0]);
        return new ElboStep(bound.neg(), bound.item(), ElboInputs.firstNonFinite(nonFinite));
    }

    /** {@code Σ_sites log p} unscaled, shape {@code [P, B]} (or {@code [B]} when no site depends on the particle). */
    private Var sum(Trace t, String[] nonFinite, double[] scale) {
        Var total = Var.constant(0.0);
        for (Site s : t.sites()) {
            if (s.type() != SiteType.SAMPLE) {
                continue;
            }
            if (s.plates().size() != 1 || !s.plates().get(0).name().equals(plate) || s.plates().get(0).dim() != -1) {
                throw new IllegalArgumentException("per-datum importance weighting needs every sample site inside plate '" + plate
                        + "' (and no other plate); site '" + s.name() + "' is in plates " + s.plates().stream().map(PlateFrame::name).toList());
            }
            Var lp = s.logProb();
            if (s.scale() != 1.0) {
                lp = lp.div(s.scale());
            }
            scale[0] = s.scale();
            if (nonFinite[0] == null && !lp.value().allFinite()) {
                nonFinite[0] = s.name();
            }
            total = total.add(lp);
        }
        return total;
    }
}
