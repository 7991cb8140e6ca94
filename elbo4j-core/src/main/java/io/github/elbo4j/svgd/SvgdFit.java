package io.github.elbo4j.svgd;

import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link Svgd#run}: the project's {@link Fit} (its posterior a
 * {@link io.github.elbo4j.infer.DrawsPosterior} of the particles, not checked by PSIS since
 * particles have no density) and the particles.
 *
 * @param fit           the fit; its trace holds the particles' mean log density per step
 * @param particles     the final particles in unconstrained space, {@code [n, D]}
 * @param draws         the particles per latent site in constrained space, {@code [n] + siteShape}
 * @param directionRms  the root mean square of the Stein direction {@code φ} per step (0 at a fixed point)
 * @param bandwidth     the kernel bandwidth {@code h} at the last step
 * @param gradientEvaluations log-density gradients computed ({@code n} per step)
 */
public record SvgdFit(Fit fit, Tensor particles, Map<String, Tensor> draws, double[] directionRms, double bandwidth,
                      long gradientEvaluations) {

    /** Copies the collections. */
    public SvgdFit {
        draws = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(draws));
        directionRms = directionRms.clone();
    }

    /** The summary table of the particles ({@link Fit#summary()}). */
    public List<SiteSummary> summary() {
        return fit.summary();
    }
}
