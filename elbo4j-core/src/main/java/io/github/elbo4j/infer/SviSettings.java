package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.Optimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of an {@link Svi} as one immutable value: what {@link Svi.Builder#build()} fixes
 * after the builder validated each setting, with the defaults that depend on other settings and
 * the map a fit reports in its {@link Provenance}. Exactly one of {@code guide} (hand-written) and
 * {@code autoGuide} is non-null; a null {@code optimizer} or {@code convergence} means the default.
 */
record SviSettings(Model guide, AutoGuide autoGuide, Optimizer optimizer, ElboEstimator estimator, boolean estimatorChosen,
                   int particles, long maxSteps, Convergence convergence, long seed, StepListener listener, int adaptSteps,
                   InitStrategy init, WarmStart warmStart, Svi.Method method, int diagnosticDraws,
                   Subsampling subsampling) {

    /** {@code diagnosticDraws} when the number of draws follows the fit's work (see {@link Svi.Builder#diagnosticDraws}). */
    static final int AUTO_DRAWS = -1;

    /** True when a setting asks for stochastic VI under {@link Svi.Method#AUTO}: an optimizer, an estimator or a step-size search. */
    boolean stochasticChosen() {
        return optimizer != null || estimatorChosen || adaptSteps != 0;
    }

    /** The optimizer of stochastic VI: the chosen one, else {@code Adam.lr(0.05)}. */
    Optimizer optimizerOrDefault() {
        return optimizer != null ? optimizer : Adam.lr(0.05);
    }

    /** The stopping rule of stochastic VI: the chosen one, else {@link Convergence#stationary()}. */
    Convergence convergenceOrDefault() {
        return convergence != null ? convergence : Convergence.stationary();
    }

    /** True for an automatic point-mass (MAP) guide. */
    boolean pointMass() {
        return autoGuide != null && autoGuide.isPointMass();
    }

    /** Particles per step: 1 for a point-mass guide (its draws are all the same), else the chosen number. */
    int effectiveParticles() {
        return pointMass() ? 1 : particles;
    }

    /** The guide's name in reports. */
    String guideName() {
        return autoGuide == null ? "hand-written" : autoGuide.familyName();
    }

    /** The settings a fit by {@code methodName} reports, in order (a new, modifiable map). */
    Map<String, String> provenance(String methodName) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("method", methodName);
        s.put("guide", guideName());
        s.put("init", init.toString());
        s.put("warmStart", warmStart.toString());
        s.put("particles", Integer.toString(effectiveParticles()));
        s.put("maxSteps", Long.toString(maxSteps));
        s.put("estimator", estimator.getClass().getSimpleName());
        s.put("subsampling", subsampling.toString());
        s.put("diagnosticDraws", diagnosticDraws == AUTO_DRAWS ? "auto" : Integer.toString(diagnosticDraws));
        return s;
    }
}
