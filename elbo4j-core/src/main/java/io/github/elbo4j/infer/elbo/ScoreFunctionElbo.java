package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;

/**
 * The ELBO with score-function (REINFORCE) terms for guide sites that cannot be reparameterized
 * (Ranganath, Gerrish &amp; Blei, AISTATS 2014, eqs. 3 and 9; Williams 1992): with
 * {@code f = log p(x, z) - log q(z)} and {@code S = Σ_{non-reparam. sites} log q(z_s)}, the
 * surrogate {@code f + (stop(f) - b) S} has gradient {@code ∇f + (f - b)∇S}, unbiased for any
 * baseline {@code b} independent of the draw. The baseline is a running average of past ELBO
 * estimates, {@code b ← βb + (1-β)f} (a control variate that lowers the variance).
 */
public final class ScoreFunctionElbo implements ElboEstimator {

    private final double decay;
    private final boolean useBaseline;
    private double baseline = Double.NaN;

    private ScoreFunctionElbo(double decay, boolean useBaseline) {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("baseline decay must be in [0, 1), got " + decay);
        }
        this.decay = decay;
        this.useBaseline = useBaseline;
    }

    /** With a running-average baseline of decay {@code β}. */
    public static ScoreFunctionElbo withBaseline(double decay) {
        return new ScoreFunctionElbo(decay, true);
    }

    /** Without a baseline (plain REINFORCE), for comparison. */
    public static ScoreFunctionElbo withoutBaseline() {
        return new ScoreFunctionElbo(0.0, false);
    }

    @Override
    public ElboEstimator fresh() {
        return new ScoreFunctionElbo(decay, useBaseline);
    }

    /** The current baseline ({@code NaN} before the first step). */
    public double baseline() {
        return baseline;
    }

    @Override
    public ElboStep estimate(ElboInputs in) {
        Trace guide = in.traceGuide();
        Trace model = in.traceModel(guide);
        String[] nonFinite = new String[1];
        Var f = in.sumPerParticle(model, nonFinite).sub(in.sumPerParticle(guide, nonFinite));
        Var score = Var.constant(0.0);
        for (Site s : guide.sites()) {
            if (s.type() == SiteType.SAMPLE && !s.isObserved() && !s.distribution().orElseThrow().hasRsample()) {
                score = score.add(in.perParticle(s));
            }
        }
        double elbo = f.mean().item();
        double b = useBaseline && !Double.isNaN(baseline) ? baseline : 0.0;
        Var surrogate = f.add(f.detach().sub(b).mul(score)).mean();
        if (useBaseline && Double.isFinite(elbo)) {
            baseline = Double.isNaN(baseline) ? elbo : decay * baseline + (1 - decay) * elbo;
        }
        return new ElboStep(surrogate.neg(), elbo, ElboInputs.firstNonFinite(nonFinite));
    }
}
