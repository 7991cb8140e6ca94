package io.github.elbo4j.infer;

import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.run.LatentDraws;
import io.github.elbo4j.infer.run.PredictiveRun;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posterior approximation given by a fixed set of {@code S} points of the unconstrained vector
 * and no density: the particles of Stein variational gradient descent, or the draws Pathfinder
 * returns after importance resampling. {@link #summary} summarizes the points themselves;
 * {@link #sample} draws from them uniformly with replacement; there is no {@code log q}, so
 * {@link #logRatios} refuses (the method's own fit carries its check).
 */
public final class DrawsPosterior implements Posterior {

    private static final Handler NO_PARAMETERS = new Handler() { };

    private final Tensor points;
    private final LatentLayout layout;
    private final Map<String, Tensor> draws;
    private final String origin;

    private DrawsPosterior(Tensor points, LatentLayout layout, Map<String, Tensor> draws, String origin) {
        this.points = points;
        this.layout = layout;
        this.draws = draws;
        this.origin = origin;
    }

    /**
     * The points {@code [S, D]} ({@code S ≥ 1}) of {@code density}'s unconstrained vector, mapped to
     * the constrained latent sites once ({@link LogDensity#constrained}).
     *
     * @param origin what the points are, in words (e.g. "SVGD particles"), for messages
     */
    public static DrawsPosterior of(LogDensity density, Tensor points, String origin) {
        if (points.rank() != 2 || points.dim(1) != density.dimension() || points.dim(0) < 1) {
            throw new IllegalArgumentException("DrawsPosterior points must have shape [S >= 1, " + density.dimension() + "], got "
                    + java.util.Arrays.toString(points.shape()));
        }
        return new DrawsPosterior(points, density.layout(), density.constrained(points), origin);
    }

    /** The unconstrained points, {@code [S, D]}. */
    public Tensor points() {
        return points;
    }

    /** The number of points {@code S}. */
    public int size() {
        return points.dim(0);
    }

    /** Every latent site at every point, {@code [S] + siteShape}, in constrained space. */
    public Map<String, Tensor> draws() {
        return java.util.Collections.unmodifiableMap(draws);
    }

    /** What the points are, in words. */
    public String origin() {
        return origin;
    }

    @Override
    public List<String> latentNames() {
        return List.copyOf(draws.keySet());
    }

    @Override
    public int[] shapeOf(String name) {
        for (LatentLayout.Entry e : layout.entries()) {
            if (e.name().equals(name)) {
                return e.shape().clone();
            }
        }
        throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + latentNames());
    }

    /** {@code n} of the points drawn uniformly with replacement ({@code rng} picks them). */
    @Override
    public Map<String, Tensor> sample(int n, RandomStream rng) {
        int[] idx = picks(n, rng);
        Map<String, Tensor> out = new LinkedHashMap<>();
        draws.forEach((k, v) -> out.put(k, v.indexSelect(0, idx)));
        return out;
    }

    /** The summary of all {@code S} points (their own mean, sd and quantiles); {@code n} and {@code rng} are not used. */
    @Override
    public List<SiteSummary> summary(int n, RandomStream rng) {
        return Posterior.summarize(draws, new ArrayList<>(draws.keySet()), size());
    }

    /** Refuses: a set of points has no density {@code q}. */
    @Override
    public LogRatios logRatios(Model model, int n, RandomStream rng) {
        throw new UnsupportedOperationException(origin + " have no density q, so no log ratios log p - log q: "
                + "read the fit's own diagnostics");
    }

    @Override
    public Map<String, Tensor> predictive(Model model, int n, RandomStream rng) {
        int[] idx = picks(n, rng.split(0));
        Tensor chosen = points.indexSelect(0, idx);
        Model guide = layout.pointMass(io.github.elbo4j.autodiff.Var.constant(chosen.reshape(layout.particleShape(n))));
        Trace latents = LatentDraws.trace(model, guide, NO_PARAMETERS, rng.split(1), n, layout.maxPlateNesting());
        return PredictiveRun.draws(PredictiveRun.trace(model, latents, rng.split(2)), n);
    }

    private int[] picks(int n, RandomStream rng) {
        if (n < 1) {
            throw new IllegalArgumentException("number of draws must be >= 1, got " + n);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(size());
        }
        return idx;
    }

    @Override
    public String toString() {
        return "DrawsPosterior(" + size() + " " + origin + " over " + latentNames() + ")";
    }
}
