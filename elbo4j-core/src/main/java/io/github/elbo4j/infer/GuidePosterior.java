package io.github.elbo4j.infer;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.guide.Preconditioner;
import io.github.elbo4j.infer.run.FixedDraws;
import io.github.elbo4j.infer.run.LatentDraws;
import io.github.elbo4j.infer.run.ParticleBroadcast;
import io.github.elbo4j.infer.run.PredictiveRun;
import io.github.elbo4j.infer.run.SviProgram;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approximation of a stochastic-VI fit: the guide program with its parameters frozen. Draws
 * come from running the guide with {@code n} particles as one batch axis. For an automatic guide
 * it also knows the fitted Gaussian over the unconstrained vector ({@link #moments()}), unless the
 * guide is a flow.
 */
public final class GuidePosterior implements Posterior {

    private final Model model;
    private final Model guide;
    private final ParameterStore store;
    private final Map<String, Tensor> parameters;
    private final Map<String, Var> frozen;
    private final List<String> latentNames;
    private final Map<String, int[]> latentShapes;
    private final int maxPlateNesting;
    private final AutoGuide autoGuide;
    private final Preconditioner preconditioner;
    private final LatentLayout layout;
    private final boolean enumerates;
    private final SviProgram program;
    private final FixedDraws fixedDraws;

    private GuidePosterior(SviProgram program, ParameterStore store, FixedDraws fixedDraws) {
        this(program.model, program.guide, store, program.latentShapes, program.maxPlateNesting, program.autoGuide,
                program.preconditioner, program.layout, program.enumerates, program, fixedDraws);
    }

    private GuidePosterior(Model model, Model guide, ParameterStore store, Map<String, int[]> latentShapes, int maxPlateNesting,
                   AutoGuide autoGuide, Preconditioner preconditioner, LatentLayout layout, boolean enumerates,
                   SviProgram program, FixedDraws fixedDraws) {
        this.program = program;
        this.fixedDraws = fixedDraws;
        this.model = model;
        this.enumerates = enumerates;
        this.layout = layout;
        this.guide = guide;
        this.store = store.copy();
        Map<String, Tensor> parameters = this.store.values();
        this.parameters = parameters;
        Map<String, Var> f = new LinkedHashMap<>();
        parameters.forEach((k, v) -> f.put(k, Var.constant(v)));
        this.frozen = f;
        this.latentShapes = new LinkedHashMap<>(latentShapes);
        this.latentNames = List.copyOf(latentShapes.keySet());
        this.maxPlateNesting = maxPlateNesting;
        this.autoGuide = autoGuide;
        this.preconditioner = preconditioner;
    }

    /** The approximation a compiled fit describes at the parameters in {@code store}. */
    static GuidePosterior of(SviProgram program, ParameterStore store) {
        return new GuidePosterior(program, store, null);
    }

    /** As {@link #of(SviProgram, ParameterStore)}, for a fit that maximized the ELBO with the draws {@code fixed}. */
    static GuidePosterior of(SviProgram program, ParameterStore store, Optional<FixedDraws> fixed) {
        return new GuidePosterior(program, store, fixed.orElse(null));
    }

    /** The compiled model and guide. */
    SviProgram program() {
        return program;
    }

    /** The fixed draws whose ELBO the fit maximized (deterministic VI), if any. */
    Optional<FixedDraws> fixedDraws() {
        return Optional.ofNullable(fixedDraws);
    }

    /** The automatic guide's layout of the latents (null for a hand-written guide). */
    LatentLayout layout() {
        return layout;
    }

    @Override
    public List<String> latentNames() {
        return latentNames;
    }

    @Override
    public int[] shapeOf(String name) {
        int[] s = latentShapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + latentNames);
        }
        return s.clone();
    }

    /** The parameters, unconstrained, with their constraints (a copy). */
    ParameterStore parameterStore() {
        return store.copy();
    }

    /** The automatic guide, if the guide is automatic. */
    Optional<AutoGuide> autoGuide() {
        return Optional.ofNullable(autoGuide);
    }

    /** The coordinates of an automatic guide. */
    Preconditioner preconditioner() {
        return preconditioner;
    }

    /** The largest number of plates around any site. */
    int maxPlateNesting() {
        return maxPlateNesting;
    }

    /**
     * The location of an automatic guide's Gaussian for one latent site, in unconstrained space
     * (shape of the site's unconstrained value): the site's block of the fitted mean.
     */
    public Tensor location(String site) {
        return block(site, requireMoments().mean());
    }

    /** The marginal standard deviations of an automatic guide's Gaussian for one site, in unconstrained space. */
    public Tensor scale(String site) {
        return block(site, requireMoments().marginalSd());
    }

    private GaussianMoments requireMoments() {
        return moments().orElseThrow(() -> new IllegalStateException(autoGuide == null
                ? "a hand-written guide has no automatic location and scale: read its parameters from the fit"
                : "a " + autoGuide.familyName() + " guide is not Gaussian and has no location and scale: summarize draws (sample(n, rng))"));
    }

    private Tensor block(String site, Tensor flat) {
        for (LatentLayout.Entry e : layout.entries()) {
            if (e.name().equals(site)) {
                return flat.slice(0, e.offset(), e.offset() + e.size()).reshape(e.unconstrainedShape());
            }
        }
        throw new IllegalArgumentException("no latent site named '" + site + "'; latent sites are " + latentNames);
    }

    /**
     * The automatic guide's fitted Gaussian over the unconstrained vector, if the guide is automatic
     * and Gaussian (empty for a hand-written guide and for a flow, whose draws are the description).
     */
    public Optional<GaussianMoments> moments() {
        return autoGuide == null || !autoGuide.isGaussian() ? Optional.empty() : Optional.of(autoGuide.moments(parameters, preconditioner));
    }

    @Override
    public Map<String, Tensor> sample(int n, RandomStream rng) {
        requireDraws(n, 1);
        Trace t = LatentDraws.trace(model, guide, new SubstituteHandler(frozen::get), rng, n, maxPlateNesting);
        return latentDraws(t, n);
    }

    @Override
    public LogRatios logRatios(Model model, int n, RandomStream rng) {
        requireDraws(n, 2);
        try {
            return batchOfRatios(model, n, rng);
        } catch (IllegalArgumentException e) {
            if (!ParticleBroadcast.failed(e)) {
                throw e;
            }
        }
        double[] ratios = new double[n];              // a model without plates: one draw at a time
        Map<String, double[]> values = new LinkedHashMap<>();
        for (int s = 0; s < n; s++) {
            LogRatios one = batchOfRatios(model, 1, rng.split(s));
            ratios[s] = one.logRatios()[0];
            for (Map.Entry<String, Tensor> e : one.draws().entrySet()) {
                double[] v = e.getValue().toArray();
                double[] all = values.computeIfAbsent(e.getKey(), k -> new double[n * v.length]);
                System.arraycopy(v, 0, all, s * v.length, v.length);
            }
        }
        Map<String, Tensor> draws = new LinkedHashMap<>();
        values.forEach((k, v) -> draws.put(k, Tensor.of(v, Broadcasting.concat(new int[] {n}, latentShapes.get(k)))));
        return new LogRatios(draws, ratios);
    }

    private LogRatios batchOfRatios(Model model, int n, RandomStream rng) {
        ElboInputs in = new ElboInputs(model, guide, new SubstituteHandler(frozen::get), rng, n, maxPlateNesting);
        Trace g = in.traceGuide();
        Trace m = enumerates ? in.traceModelEnumerated(g) : in.traceModel(g);
        String[] nonFinite = new String[1];
        Var logP = enumerates ? in.sumPerParticleEnumerated(m, nonFinite) : in.sumPerParticle(m, nonFinite);
        Tensor w = logP.sub(in.sumPerParticle(g, nonFinite)).value();
        double[] ratios = w.size() == n ? w.toArray() : w.broadcastTo(n).toArray();
        return new LogRatios(latentDraws(m, n), ratios);
    }

    /**
     * The posterior of every enumerated discrete site, {@code p(z = k | x) ≈ (1/n) Σ_s p(z = k | x, θ_s)}
     * with {@code θ_s ~ q} the continuous latents ({@code n} draws as one batch axis): each site's
     * marginal given a draw is exact (the gradient of the enumerated log joint, see
     * {@link ElboInputs#enumeratedMarginals}), and the average over draws has Monte Carlo error
     * {@code sd_q(p(z = k | x, θ)) / √n}. Shape {@code siteShape + [K]}, where {@code siteShape} holds
     * the sizes of the site's plates (for a mixture's labels in a plate of {@code N}: {@code [N, K]},
     * the responsibilities).
     *
     * @throws IllegalStateException when the fit enumerated no discrete site ({@code ElboEstimator.traceEnum()})
     */
    public Map<String, Tensor> discretePosterior(int n, RandomStream rng) {
        requireDraws(n, 1);
        if (!enumerates) {
            throw new IllegalStateException("this fit enumerated no discrete site: fit with Svi.builder(model).elbo(ElboEstimator.traceEnum())");
        }
        ElboInputs in = new ElboInputs(model, guide, new SubstituteHandler(frozen::get), rng, n, maxPlateNesting);
        Trace m = in.traceModelEnumerated(in.traceGuide());
        Map<String, Tensor> out = new LinkedHashMap<>();
        in.enumeratedMarginals(m).forEach((site, perDraw) -> {
            int[] shape = perDraw.shape();
            Tensor mean = perDraw.mean(0);
            int[] kept = io.github.elbo4j.model.LatentShape.withoutLeadingOnes(Arrays.copyOfRange(shape, 1, shape.length - 1));
            out.put(site, mean.reshape(Broadcasting.concat(kept, new int[] {shape[shape.length - 1]})));
        });
        return out;
    }

    @Override
    public Map<String, Tensor> predictive(Model model, int n, RandomStream rng) {
        requireDraws(n, 1);
        ElboInputs in = new ElboInputs(model, guide, new SubstituteHandler(frozen::get), rng.split(0), n, maxPlateNesting);
        Trace g = in.traceGuide();
        Trace m = PredictiveRun.trace(model, g, rng.split(1));
        return PredictiveRun.draws(m, n);
    }

    /** The draws of the latent sites in trace {@code t}, reshaped to {@code [n] + siteShape}. */
    private Map<String, Tensor> latentDraws(Trace t, int n) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : latentNames) {
            Site s = t.require(name);
            int[] shape = latentShapes.get(name);
            Tensor v = s.value().value();
            int[] target = Broadcasting.concat(new int[] {n}, shape);
            out.put(name, v.size() == Broadcasting.size(target) ? v.reshape(target) : v.broadcastTo(target));
        }
        return out;
    }

    private static void requireDraws(int n, int min) {
        if (n < min) {
            throw new IllegalArgumentException("number of draws must be >= " + min + ", got " + n);
        }
    }

    @Override
    public String toString() {
        return "GuidePosterior" + (autoGuide == null ? "(hand-written guide)" : "(" + autoGuide.familyName() + ")")
                + " over " + latentNames + " " + Arrays.toString(latentShapes.values().stream().mapToInt(s -> Broadcasting.size(s)).toArray());
    }
}
