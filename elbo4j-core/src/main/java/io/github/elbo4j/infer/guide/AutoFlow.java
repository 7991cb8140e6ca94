package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.flow.FlowLayer;
import io.github.elbo4j.infer.flow.NormalizingFlow;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Constraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A normalizing-flow guide (Rezende &amp; Mohamed, ICML 2015, sec. 4): a Gaussian base
 * {@code v ~ N(μ, L Lᵀ)} (full-rank as {@link AutoMultivariateNormal}, or diagonal as
 * {@link AutoNormal}) drawn as the guide site {@code _auto_latent}, pushed through {@code depth}
 * layers of one {@link FlowLayer} kind, {@code y = f_K ∘ ... ∘ f_1(v)}, then
 * {@code u = shift + C y} ({@link Preconditioner}) and the latent sites as the other guides emit them.
 * {@code log q(u) = log N(v; μ, L Lᵀ) - Σ_k log|det ∂f_k| - log|det C|}: the flow's term rides on
 * the guide site {@code _auto_flow} (a point mass at {@code y} with that log-density), so the ELBO is
 * the constrained model's and no layer is ever inverted. The flow acts in the preconditioner's
 * coordinates, where a Laplace warm start makes the posterior close to standard normal, and every
 * layer starts at the identity, so the guide starts where the full-rank one does. The layers' own
 * locations start around the base's initial mean at unit spread: the posterior's spread in these
 * coordinates after a warm start, and the natural guess without one (the base's small initial
 * scale is a cautious start, not an estimate of the posterior's).
 *
 * <p>Not Gaussian: {@link #moments} throws and {@link #isGaussian} is false; the posterior's draws
 * come from running the guide. Fitted by stochastic VI only. Parameters: {@code auto_loc},
 * {@code auto_scale_raw} (full-rank base) or {@code auto_scale} (diagonal), and
 * {@code auto_flow_<k>_<name>} for layer {@code k}.
 *
 * @param layer        the kind of every layer
 * @param depth        the number of layers {@code K >= 1}
 * @param diagonalBase a diagonal base instead of a full-rank one
 * @param initScale    the base's initial standard deviation without a preconditioner
 */
public record AutoFlow(FlowLayer layer, int depth, boolean diagonalBase, double initScale) implements AutoGuide {

    static final String FLOW = "_auto_flow";

    /** Validates the settings. */
    public AutoFlow {
        if (layer == null) {
            throw new IllegalArgumentException("AutoFlow layer must not be null");
        }
        if (depth < 1) {
            throw new IllegalArgumentException("AutoFlow depth must be >= 1, got " + depth);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoFlow initScale must be finite and > 0, got " + initScale);
        }
    }

    /** The same flow on a diagonal base (fewer parameters; the layers must then supply the correlations). */
    public AutoFlow withDiagonalBase() {
        return new AutoFlow(layer, depth, true, initScale);
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner pre) {
        int d = layout.dimension();
        Tensor loc0 = pre.isIdentity() ? layout.initialVector() : Tensor.zeros(d);
        double logScale0 = pre.isIdentity() ? Math.log(initScale) : 0.0;
        Tensor raw0 = diagonalBase ? Tensor.full(Math.exp(logScale0), d) : Tensor.eye(d).mul(logScale0);
        Tensor eye = Tensor.eye(d);
        Tensor strictLower = LinearAlgebra.tril(Tensor.ones(d, d), -1);
        List<Map<String, Tensor>> inits = new ArrayList<>();
        RandomStream rng = RandomStream.of(layer.name().hashCode()).split(depth);
        for (int k = 0; k < depth; k++) {
            inits.add(layer.initialValues(loc0, 1.0, rng.split(k)));
        }
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var v;
            if (diagonalBase) {
                Var scale = m.param("auto_scale", raw0, new Constraint.Positive());
                v = m.sample(LatentSites.LATENT, Normal.of(loc, scale).toEvent(1));
            } else {
                Var raw = m.param("auto_scale_raw", raw0);
                v = m.sample(LatentSites.LATENT, MultivariateNormal.ofScaleTril(loc, raw.mul(strictLower).add(raw.exp().mul(eye))));
            }
            List<Bijector> layers = new ArrayList<>(depth);
            for (int k = 0; k < depth; k++) {
                Map<String, Var> p = new LinkedHashMap<>();
                for (Map.Entry<String, Tensor> e : inits.get(k).entrySet()) {
                    p.put(e.getKey(), m.param("auto_flow_" + k + "_" + e.getKey(), e.getValue()));
                }
                layers.add(layer.bijector(p));
            }
            NormalizingFlow.Pushed y = NormalizingFlow.pushThrough(layers, v);
            m.sample(FLOW, Delta.of(y.value(), y.logAbsDet().neg(), y.value().value().rank()));
            LatentSites.emit(m, layout, pre, y.value());
        };
    }

    /**
     * Not defined: a flow is not Gaussian, and the Gaussian with its mean and covariance would not be
     * what the fit describes. Use draws ({@code fit.posterior().sample(n, rng)}).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner preconditioner) {
        throw new UnsupportedOperationException("a flow guide is not Gaussian and has no moments in closed form: "
                + "use draws of the posterior (fit.posterior().sample(n, rng))");
    }

    /** The full-rank coordinates of a Laplace approximation, {@code C = L⁻ᵀ} (as {@link AutoMultivariateNormal}). */
    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        return AutoGuide.denseFromPrecision(mode, precisionCholesky);
    }

    @Override
    public String familyName() {
        return "flow";
    }

    /** {@code flow:<layer>:<depth>:<fullrank|diagonal>:<initScale>}, read back by {@link AutoGuide#named}. */
    @Override
    public String settingsName() {
        return "flow:" + layer.name() + ":" + depth + ":" + (diagonalBase ? "diagonal" : "fullrank") + ":" + initScale;
    }

    /** False: a flow has no Gaussian moments. */
    @Override
    public boolean isGaussian() {
        return false;
    }

    /** The settings from {@link #settingsName()}. */
    static AutoFlow parse(String name) {
        String[] parts = name.split(":");
        if (parts.length != 5 || !parts[0].equals("flow") || !(parts[3].equals("diagonal") || parts[3].equals("fullrank"))) {
            throw new IllegalArgumentException("a flow guide's settings must read flow:<planar|radial>:<depth>:<fullrank|diagonal>:<initScale>, got '"
                    + name + "'");
        }
        try {
            return new AutoFlow(FlowLayer.named(parts[1]), Integer.parseInt(parts[2]), parts[3].equals("diagonal"), Double.parseDouble(parts[4]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a flow guide's depth and initScale must be numbers, got '" + name + "'", e);
        }
    }
}
