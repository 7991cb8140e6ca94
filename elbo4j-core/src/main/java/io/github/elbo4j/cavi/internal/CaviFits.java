package io.github.elbo4j.cavi.internal;

import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the {@code toFit} methods of the CAVI models share: the fit of a closed-form model with its
 * PSIS check, the guard that a result is paired with the data it was fitted to, the data's hash
 * for the provenance, and notes on a fit.
 */
public final class CaviFits {

    /** Draws of the PSIS check of a closed-form fit (PSIS's {@code k̂} threshold is 0.67 at this size). */
    public static final int CHECK_DRAWS = 1000;

    /** Relative agreement asked of a result's final ELBO and the ELBO of its factors recomputed on the data. */
    private static final double SAME_ELBO = 1e-9;

    private CaviFits() {
    }

    /**
     * {@link Fit#ofCoordinateAscent} with the PSIS check of {@code q} against {@code model} from
     * {@value #CHECK_DRAWS} draws of {@code seed}. If the check cannot run the model (it throws
     * {@link IllegalArgumentException}), the fit is returned unchecked with the check's message as
     * the reason: the check first traces the model with draws from its priors to learn the site
     * shapes, and a very broad prior (e.g. {@code Gamma(1e-6, 1e-6)}, whose draws underflow to 0)
     * fails there although the joint density itself is fine.
     */
    public static Fit closedForm(String method, Map<String, Tensor> parameters, ElboTrace history, boolean converged, FactorPosterior q,
                                 Model model,
                          long seed, Map<String, String> settings) {
        try {
            return Fit.ofCoordinateAscent(method, parameters, history.values(), converged, q, Optional.of(model), "",
                    CHECK_DRAWS, seed, settings);
        } catch (IllegalArgumentException e) {
            return Fit.ofCoordinateAscent(method, parameters, history.values(), converged, q, Optional.empty(),
                    "the PSIS check could not run the model (" + e.getMessage() + "); a very broad prior such as "
                            + "Gamma(1e-6, 1e-6) has draws that underflow to 0 when the check traces the model for its shapes",
                    CHECK_DRAWS, seed, settings);
        }
    }

    /**
     * Throws unless {@code recomputed}, the ELBO of the result's factors on the data passed to
     * {@code toFit}, equals the result's own final ELBO to {@code 1e-9} relative: a result paired
     * with other data (or another prior) would otherwise be checked against the wrong model.
     */
    public static void requireSameElbo(String owner, ElboTrace history, double recomputed) {
        double recorded = history.last();
        if (!(Math.abs(recorded - recomputed) <= SAME_ELBO * Math.max(1, Math.abs(recorded)))) {
            throw new IllegalArgumentException(owner + " result must be the fit of these data by this model: its final ELBO "
                    + recorded + " differs from " + recomputed + ", the ELBO of its factors on the data given; "
                    + "pass the data (and use the model) the result was fitted with");
        }
    }

    /**
     * A 64-bit FNV-1a hash (as {@code GaussianMixtureResult.dataHash()}) of the shapes and the bits
     * of every value of {@code parts}, in hexadecimal, for a fit's provenance.
     */
    public static String dataHash(Tensor... parts) {
        long h = 0xcbf29ce484222325L;
        for (Tensor t : parts) {
            h = (h ^ t.rank()) * 0x100000001b3L;
            for (int d : t.shape()) {
                h = (h ^ d) * 0x100000001b3L;
            }
            for (double v : t.toArray()) {
                h = (h ^ Double.doubleToLongBits(v)) * 0x100000001b3L;
            }
        }
        return Long.toHexString(h);
    }

    /** {@code fit} with {@code notes} appended to its own. */
    public static Fit withNotes(Fit fit, List<String> notes) {
        List<String> all = new ArrayList<>(fit.notes());
        all.addAll(notes);
        return new Fit(fit.method(), fit.parameters(), fit.elboTrace(), fit.stopReason(), fit.diagnostics(), fit.verdict(),
                fit.provenance(), fit.posterior(), fit.state(), all);
    }
}
