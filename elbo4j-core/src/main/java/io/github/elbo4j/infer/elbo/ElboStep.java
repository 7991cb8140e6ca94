package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import java.util.Optional;

/**
 * The result of one ELBO estimate.
 *
 * @param loss            the surrogate loss to minimize (a scalar on the step's tape)
 * @param elbo            the ELBO estimate (mean over particles)
 * @param nonFiniteSite   the first site whose log-density term was NaN or infinite, if any
 */
public record ElboStep(Var loss, double elbo, Optional<String> nonFiniteSite) {
}
