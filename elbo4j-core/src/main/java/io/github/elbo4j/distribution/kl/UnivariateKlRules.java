package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Exponential;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Laplace;
import io.github.elbo4j.distribution.continuous.Uniform;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.distribution.discrete.Poisson;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import java.util.function.BiFunction;

/** Closed-form KL divergences between members of the same univariate or categorical family. */
final class UnivariateKlRules {

    private UnivariateKlRules() {
    }

    static void registerAll(Map<KlRegistry.Pair, BiFunction<Distribution, Distribution, Var>> m) {
        KlRegistry.put(m, Gamma.class, Gamma.class, UnivariateKlRules::gamma);
        KlRegistry.put(m, Beta.class, Beta.class, UnivariateKlRules::beta);
        KlRegistry.put(m, Exponential.class, Exponential.class, UnivariateKlRules::exponential);
        KlRegistry.put(m, Laplace.class, Laplace.class, UnivariateKlRules::laplace);
        KlRegistry.put(m, Uniform.class, Uniform.class, UnivariateKlRules::uniform);
        KlRegistry.put(m, Poisson.class, Poisson.class, UnivariateKlRules::poisson);
        KlRegistry.put(m, Bernoulli.class, Bernoulli.class, UnivariateKlRules::bernoulli);
        KlRegistry.put(m, Categorical.class, Categorical.class, UnivariateKlRules::categorical);
    }

    /**
     * Shape α, rate β: {@code (α_p - α_q) ψ(α_p) - log Γ(α_p) + log Γ(α_q) + α_q (log β_p - log β_q)
     * + α_p (β_q - β_p) / β_p} (Penny, "KL-divergences of Normal, Gamma, Dirichlet and Wishart
     * densities", 2001, eq. 20, in the rate parameterization).
     */
    static Var gamma(Gamma p, Gamma q) {
        Var ap = p.concentration();
        Var aq = q.concentration();
        Var bp = p.rate();
        Var bq = q.rate();
        return ap.sub(aq).mul(ap.apply(ElementwiseFunction.DIGAMMA)).sub(ap.lgamma()).add(aq.lgamma())
                .add(aq.mul(bp.log().sub(bq.log()))).add(ap.mul(bq.sub(bp)).div(bp));
    }

    /**
     * {@code log B(a_q, b_q) - log B(a_p, b_p) + (a_p - a_q) ψ(a_p) + (b_p - b_q) ψ(b_p)
     * + (a_q - a_p + b_q - b_p) ψ(a_p + b_p)} (the exponential-family form; e.g. Penny 2001 for the
     * Dirichlet, of which Beta is the two-category case).
     */
    static Var beta(Beta p, Beta q) {
        Var ap = p.concentration1();
        Var bp = p.concentration0();
        Var aq = q.concentration1();
        Var bq = q.concentration0();
        Var sp = ap.add(bp);
        Var logBq = aq.lgamma().add(bq.lgamma()).sub(aq.add(bq).lgamma());
        Var logBp = ap.lgamma().add(bp.lgamma()).sub(sp.lgamma());
        return logBq.sub(logBp).add(ap.sub(aq).mul(ap.apply(ElementwiseFunction.DIGAMMA)))
                .add(bp.sub(bq).mul(bp.apply(ElementwiseFunction.DIGAMMA)))
                .add(aq.sub(ap).add(bq).sub(bp).mul(sp.apply(ElementwiseFunction.DIGAMMA)));
    }

    /** Rates λ: {@code log(λ_p / λ_q) + λ_q / λ_p - 1}. */
    static Var exponential(Exponential p, Exponential q) {
        Var ratio = q.rate().div(p.rate());
        return ratio.sub(ratio.log()).sub(1.0);
    }

    /**
     * Locations μ, scales b, {@code d = |μ_p - μ_q|}: {@code log(b_q / b_p) + d / b_q
     * + (b_p / b_q) exp(-d / b_p) - 1} (direct integration of the two absolute values).
     */
    static Var laplace(Laplace p, Laplace q) {
        Var d = p.loc().sub(q.loc()).apply(ElementwiseFunction.ABS);
        return q.scale().div(p.scale()).log().add(d.div(q.scale()))
                .add(p.scale().div(q.scale()).mul(d.div(p.scale()).neg().exp())).sub(1.0);
    }

    /** {@code log((b_q - a_q) / (b_p - a_p))} when {@code [a_p, b_p] ⊆ [a_q, b_q]}, else {@code +∞}. */
    static Var uniform(Uniform p, Uniform q) {
        Var value = q.high().sub(q.low()).div(p.high().sub(p.low())).log();
        Tensor inside = p.low().value().ge(q.low().value()).mul(p.high().value().le(q.high().value()));
        return Var.where(inside, value, Var.constant(Double.POSITIVE_INFINITY));
    }

    /** Rates λ: {@code λ_p log(λ_p / λ_q) - λ_p + λ_q} (0 log 0 = 0 at λ_p = 0). */
    static Var poisson(Poisson p, Poisson q) {
        Var lp = p.rate();
        Var lq = q.rate();
        Tensor positive = lp.value().gt(Tensor.scalar(0.0));
        Var safe = Var.where(positive, lp, Var.constant(1.0));
        Var xlog = Var.where(positive, safe.mul(safe.log().sub(lq.log())), Var.constant(0.0));
        return xlog.sub(lp).add(lq);
    }

    /**
     * With logits {@code l}: {@code σ(l_p)(log σ(l_p) - log σ(l_q)) + σ(-l_p)(log σ(-l_p) - log σ(-l_q))},
     * the logs in their stable {@code logσ} form.
     */
    static Var bernoulli(Bernoulli p, Bernoulli q) {
        Var lp = p.logits();
        Var lq = q.logits();
        Var one = lp.sigmoid().mul(lp.logSigmoid().sub(lq.logSigmoid()));
        Var zero = lp.neg().sigmoid().mul(lp.neg().logSigmoid().sub(lq.neg().logSigmoid()));
        return one.add(zero);
    }

    /** {@code Σ_k p_k (log p_k - log q_k)} over the last axis, with {@code 0 log 0 = 0}. */
    static Var categorical(Categorical p, Categorical q) {
        Var lp = normalized(p.logits());
        Var lq = normalized(q.logits());
        Tensor positive = lp.value().gt(Tensor.scalar(Double.NEGATIVE_INFINITY));
        Var diff = Var.where(positive, lp.sub(Var.where(positive, lq, Var.constant(0.0))), Var.constant(0.0));
        Var safeLp = Var.where(positive, lp, Var.constant(0.0));
        return Var.where(positive, safeLp.exp().mul(diff), Var.constant(0.0)).sum(-1);
    }

    private static Var normalized(Var logits) {
        int[] shape = logits.shape();
        int[] kept = shape.clone();
        kept[kept.length - 1] = 1;
        return logits.sub(logits.logSumExp(-1).reshape(kept));
    }
}
