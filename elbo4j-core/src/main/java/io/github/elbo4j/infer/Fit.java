package io.github.elbo4j.infer;

import io.github.elbo4j.infer.run.ImportanceCheck;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of a fit, for every method (stochastic or deterministic VI, coordinate ascent):
 * what was fitted, how the fit went, whether to trust it, and the posterior approximation.
 *
 * @param method      how it was fitted, in words (e.g. "deterministic ADVI, fullrank guide, L-BFGS, 64 fixed draws")
 * @param parameters  the fitted parameters (constrained values), by name
 * @param elboTrace   the ELBO step by step
 * @param stopReason  why it stopped
 * @param diagnostics the importance-sampling check of {@code q} (PSIS {@code k̂}), or why there is none
 * @param verdict     whether to trust the fit, with the reasons
 * @param provenance  seed, settings and library version
 * @param posterior   the approximation, to sample, summarize and predict
 * @param state       for stochastic VI, the state to resume from (parameters and optimizer accumulators)
 * @param notes       facts about the run (warm start, draws, stopping) in words
 * @param attempts    the guides {@code AutoGuide.auto()} tried, in order (empty for any other fit)
 */
public record Fit(String method, Map<String, Tensor> parameters, ElboTrace elboTrace, StopReason stopReason,
                  Diagnostics diagnostics, Verdict verdict, Provenance provenance, Posterior posterior,
                  Optional<SviState> state, List<String> notes, List<GuideAttempt> attempts) {

    /** Copies the collections. */
    public Fit {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        notes = List.copyOf(notes);
        attempts = List.copyOf(attempts);
    }

    /** A fit of one guide (no automatic choice): no attempts. */
    public Fit(String method, Map<String, Tensor> parameters, ElboTrace elboTrace, StopReason stopReason, Diagnostics diagnostics,
               Verdict verdict, Provenance provenance, Posterior posterior, Optional<SviState> state, List<String> notes) {
        this(method, parameters, elboTrace, stopReason, diagnostics, verdict, provenance, posterior, state, notes, List.of());
    }

    /**
     * The fit of a coordinate-ascent (CAVI) method: its factors as the posterior, its exact ELBO
     * per sweep, and the PSIS check of the factors against {@code model} (the same joint density
     * written in the Model API) with {@code draws} draws, or no check when {@code model} is empty
     * (the reason is {@code whyNotChecked}).
     *
     * @param method      how it was fitted, in words
     * @param parameters  the fitted variational parameters by name
     * @param elboPerSweep the exact ELBO before the first sweep and after each sweep
     * @param converged   whether the stopping rule held before the sweep budget
     * @param posterior   the factors
     * @param model       the joint density, for the PSIS check
     * @param whyNotChecked the reason when {@code model} is empty
     * @param draws       draws for the check ({@code ≥ 100})
     * @param seed        the seed of the check's draws (and of the fit, if it drew)
     * @param settings    the settings by name
     */
    public static Fit ofCoordinateAscent(String method, Map<String, Tensor> parameters, double[] elboPerSweep, boolean converged,
                                         FactorPosterior posterior, Optional<io.github.elbo4j.model.Model> model, String whyNotChecked,
                                         int draws, long seed, Map<String, String> settings) {
        StopReason stop = converged ? StopReason.CONVERGED : StopReason.BUDGET;
        Diagnostics d = model.isPresent()
                ? check(model.get(), posterior, draws, RandomStream.of(seed).split(-6))
                : Diagnostics.notChecked(whyNotChecked);
        Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("method", "coordinate ascent");
        all.putAll(settings);
        return new Fit(method, parameters, new ElboTrace(elboPerSweep, ElboTrace.Kind.EXACT), stop, d,
                Verdict.of(stop, d, "raise the sweep budget or loosen the tolerance"), Provenance.of(seed, all), posterior,
                Optional.empty(), List.of());
    }

    /**
     * The PSIS check of {@code q} against {@code model} from {@code draws} draws of {@code q}
     * ({@code draws ≥ 100}), the check every fit runs at its end: Pareto k-hat of the log ratios
     * {@code log p(x, z) - log q(z)}, importance-sampling ESS and PSIS-corrected means (Vehtari,
     * Simpson, Gelman, Yao &amp; Gabry, JMLR 25(72), 2024; Yao et al., ICML 2018).
     */
    public static Diagnostics check(io.github.elbo4j.model.Model model, Posterior q, int draws, RandomStream rng) {
        if (draws < 100) {
            throw new IllegalArgumentException("PSIS check draws must be >= 100, got " + draws);
        }
        return ImportanceCheck.diagnose(model, q, draws, rng);
    }

    /** True when the fit's own convergence criterion stopped it. */
    public boolean converged() {
        return stopReason == StopReason.CONVERGED;
    }

    /** The number of steps, minimizer iterations or sweeps recorded in the ELBO trace. */
    public long steps() {
        return elboTrace.length();
    }

    /** The seed the run used (the same seed gives the same bits). */
    public long seed() {
        return provenance.seed();
    }

    /** {@link ElboTrace#finalValue()}. */
    public double finalElbo() {
        return elboTrace.finalValue();
    }

    /** PSIS {@code k̂} of the fitted approximation, if it was checked. */
    public OptionalDouble paretoK() {
        return diagnostics.paretoK();
    }

    /** A fitted parameter by name. */
    public Tensor parameter(String name) {
        Tensor t = parameters.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; parameters are " + parameters.keySet());
        }
        return t;
    }

    /** The step-size scale {@code η} chosen by {@link Svi.Builder#adaptStepSize}, if the search ran. */
    public OptionalDouble adaptedStepSize() {
        String eta = provenance.settings().get("adaptedStepSize");
        return eta == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(eta));
    }

    /** The posterior summary table from 4000 draws with a stream derived from the run's seed. */
    public List<SiteSummary> summary() {
        return posterior.summary(4000, RandomStream.of(seed()).split(Long.MAX_VALUE));
    }

    /**
     * The linear-response covariance of a mean-field fit ({@link LinearResponse}: Giordano, Broderick
     * &amp; Jordan, NeurIPS 2015; JMLR 19(51), 2018): {@code [(-∇²_η ELBO)⁻¹]_mm} over the
     * unconstrained latents, and per scalar latent the mean-field and linear-response sds in
     * constrained space. Computed on each call ({@code 4D} gradient evaluations of the ELBO with fixed
     * draws, {@code D} the latent dimension).
     *
     * @throws IllegalStateException if the guide is not {@code AutoGuide.meanField()}, or the negative
     *     Hessian is not positive definite (the parameters are not at a maximum of the ELBO)
     */
    public LinearResponse linearResponse() {
        if (!(posterior instanceof GuidePosterior g)) {
            throw new IllegalStateException("linear response corrects a mean-field guide (AutoGuide.meanField()); this fit's posterior is "
                    + posterior.getClass().getSimpleName());
        }
        return LinearResponse.of(g, seed());
    }

    /**
     * This fit's posterior set against reference draws of the same model (typically NUTS's,
     * {@code Nuts.of(model).run().draws()}: {@code [n] + siteShape} per latent site, constrained
     * space): per scalar, the error of the mean in reference sds and the sd ratio
     * ({@link SiteComparison}); the fit's moments from 4000 draws with a stream derived from its seed.
     *
     * @throws IllegalArgumentException if a latent site is missing from {@code referenceDraws} or has another shape
     */
    public List<SiteComparison> compareWith(Map<String, Tensor> referenceDraws) {
        return SiteComparison.compare(posterior, referenceDraws, 4000, RandomStream.of(seed()).split(Long.MAX_VALUE));
    }

    /** Writes this fit as JSON ({@link FitJson}), whole or not at all. */
    public void save(Path file) {
        FitJson.write(this, file);
    }

    /**
     * Loads a saved coordinate-ascent fit (its posterior is self-contained). A stochastic or
     * deterministic VI fit needs its model: {@link #load(Path, io.github.elbo4j.model.Model)}.
     */
    public static Fit load(Path file) {
        com.fasterxml.jackson.databind.JsonNode root = FitJson.readTree(file);
        com.fasterxml.jackson.databind.JsonNode post = root.path("posterior");
        if (!"factors".equals(post.path("type").asText())) {
            throw new IllegalArgumentException("fit file " + file + " holds a " + post.path("type").asText()
                    + " posterior, which needs the model to rebuild: Fit.load(file, model)");
        }
        return FitJson.fromTree(root, FactorPosterior.fromJson(post.path("factors")), Optional.empty());
    }

    /**
     * Loads a saved fit of {@code model} with an automatic guide (or a coordinate-ascent fit):
     * the same summary bits as the fit that was saved, and {@link Svi#resume} continues a
     * stochastic fit from its optimizer state.
     */
    public static Fit load(Path file, io.github.elbo4j.model.Model model) {
        return SavedFits.load(file, model, null);
    }

    /** Loads a saved fit of {@code model} with the hand-written {@code guide} it was fitted with. */
    public static Fit load(Path file, io.github.elbo4j.model.Model model, io.github.elbo4j.model.Model guide) {
        return SavedFits.load(file, model, guide);
    }
}
