package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/**
 * A point of the latent space and Stan's log joint density there: with all normalizing constants,
 * in constrained space, without the Jacobian of the unconstraining transform (rstan's
 * {@code log_prob(fit, unconstrain_pars(fit, point), adjust_transform = FALSE)}).
 *
 * @param point the value of every latent site, by name, shaped as the site
 * @param logDensity Stan's log density at the point
 */
public record LogDensityCheck(Map<String, Tensor> point, double logDensity) {

    public LogDensityCheck {
        point = Map.copyOf(point);
    }
}
