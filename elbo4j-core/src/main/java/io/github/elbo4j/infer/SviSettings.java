package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.SticksTheLandingElbo;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.LearningRateSchedule;
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
                   Subsampling subsampling, int signalToNoiseWindow) {

    /** Refuses a flow guide with sticking the landing (see {@link Svi.Builder#build()}). */
    SviSettings {
        if (autoGuide instanceof io.github.elbo4j.infer.guide.AutoFlow && estimator instanceof SticksTheLandingElbo) {
            throw new IllegalArgumentException("the " + autoGuide.familyName() + " guide cannot use SticksTheLandingElbo (its "
                    + "re-scored density holds the base point fixed, not the draw, so the gradient would be biased): use TraceElbo");
        }
    }

    /** {@code diagnosticDraws} when the number of draws follows the fit's work (see {@link Svi.Builder#diagnosticDraws}). */
    static final int AUTO_DRAWS = -1;

    /** True when a setting asks for stochastic VI under {@link Svi.Method#AUTO}: an optimizer, an estimator or a step-size search. */
    boolean stochasticChosen() {
        return optimizer != null || estimatorChosen || adaptSteps != 0;
    }

    /** {@code particles} when none was chosen: 1, or {@value #FLOW_PARTICLES} for a guide that is not Gaussian (a flow). */
    static final int AUTO_PARTICLES = 0;

    /** Particles per step of a flow guide by default: its gradient estimates are noisier than a Gaussian's. */
    static final int FLOW_PARTICLES = 8;

    /**
     * The optimizer of stochastic VI: the chosen one, else {@code Adam.lr(0.05)}; for a guide that
     * is not Gaussian (a flow), {@code Adam.lr(0.03)} (a flow guide's {@code FlowLayer.learningRate()}) annealed to 1% over the step budget by a cosine
     * schedule (Loshchilov &amp; Hutter, ICLR 2017): at a constant rate the layers' parameters keep
     * moving, and the last iterate is what the fit returns.
     */
    Optimizer optimizerOrDefault() {
        if (optimizer != null) {
            return optimizer;
        }
        if (!flow()) {
            return Adam.lr(0.05);
        }
        double lr = autoGuide instanceof io.github.elbo4j.infer.guide.AutoFlow f ? f.layer().learningRate() : 0.03;
        return Adam.lr(lr).withSchedule(LearningRateSchedule.cosine(maxSteps, 0.01));
    }

    /** True for a flow guide (its own optimizer, particle and stopping defaults). */
    boolean flow() {
        return autoGuide instanceof io.github.elbo4j.infer.guide.AutoFlow;
    }

    /**
     * The stopping rule of stochastic VI: the chosen one, else {@link Convergence#stationary()}; for a
     * flow with the default optimizer, {@link Convergence#none()}: its annealed step size ends with the budget.
     */
    Convergence convergenceOrDefault() {
        if (convergence != null) {
            return convergence;
        }
        return flow() && optimizer == null ? Convergence.none() : Convergence.stationary();
    }

    /** True for an automatic point-mass (MAP) guide. */
    boolean pointMass() {
        return autoGuide != null && autoGuide.isPointMass();
    }

    /**
     * Particles per step: 1 for a point-mass guide (its draws are all the same), else the chosen
     * number, else 1, or {@value #FLOW_PARTICLES} for a guide that is not Gaussian (a flow).
     */
    int effectiveParticles() {
        if (pointMass()) {
            return 1;
        }
        if (particles != AUTO_PARTICLES) {
            return particles;
        }
        return flow() ? FLOW_PARTICLES : 1;
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
