package io.github.elbo4j.cavi.conjugate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tests of the {@code toFit} methods share: the reference log joints of
 * {@code cavi_joint_reference.json} (written by {@code make_cavi_joint_reference.py} with
 * scipy.stats), the Model-API log joint at a point, and the Monte Carlo ELBO of a fit's factors.
 */
final class CaviFitChecks {

    /** Draws of the Monte Carlo ELBO. */
    static final int ELBO_DRAWS = 100_000;

    private static final JsonNode JOINT = load();

    private CaviFitChecks() {
    }

    /** One top-level section of {@code cavi_joint_reference.json}. */
    static JsonNode joint(String section) {
        return JOINT.get(section);
    }

    /** {@code log p(x, z)} of {@code model} with its latent sites at {@code latents} (no particle axis). */
    static double logJoint(Model model, Map<String, Tensor> latents) {
        Map<String, Var> values = new LinkedHashMap<>();
        latents.forEach((k, v) -> values.put(k, Var.constant(v)));
        return ModelContext.trace(model, new SubstituteHandler(values)).logDensity().item();
    }

    /**
     * Asserts that the ELBO of {@code fit}'s factors against {@code model}, estimated from
     * {@value #ELBO_DRAWS} draws, equals {@code exactElbo} within 4 Monte Carlo standard errors
     * plus {@code rounding} (for factors whose log ratios are constant up to rounding, where the
     * standard error is itself rounding noise); returns the estimate.
     */
    static Posterior.ElboEstimate assertMonteCarloElboIs(Fit fit, Model model, double exactElbo, double rounding, long seed) {
        Posterior.ElboEstimate e = fit.posterior().elbo(model, ELBO_DRAWS, RandomStream.of(seed));
        assertThat(e.value()).as("Monte Carlo ELBO %s against the exact %s", e, exactElbo)
                .isCloseTo(exactElbo, within(4 * e.standardError() + rounding));
        return e;
    }

    private static JsonNode load() {
        try (InputStream in = CaviFitChecks.class.getResourceAsStream("/reference/cavi_joint_reference.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
