package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The success probability of a binary trial, given either as a probability {@code p} or as a
 * logit {@code l = log(p / (1 - p))}, and kept in the form it was given: {@code log p} and
 * {@code log(1 - p)} are computed from that form ({@code log p}, {@code log1p(-p)} or
 * {@code log σ(l)}, {@code log σ(-l)}), so neither loses digits near 0 or 1. Shared by the
 * families built on Bernoulli trials (Bernoulli, Binomial, Geometric, NegativeBinomial).
 */
public final class SuccessProbs {

    private final Var given;
    private final boolean logits;

    private SuccessProbs(Var given, boolean logits) {
        this.given = given;
        this.logits = logits;
    }

    /** Probabilities, checked by the family's declared rule for {@code probs}. */
    public static SuccessProbs ofProbs(ParameterTable parameters, Var probs) {
        parameters.check("probs", probs.value());
        return new SuccessProbs(probs, false);
    }

    /** Logits, checked by the family's declared rule for {@code logits}. */
    public static SuccessProbs ofLogits(ParameterTable parameters, Var logits) {
        parameters.check("logits", logits.value());
        return new SuccessProbs(logits, true);
    }

    /** The parameter as the caller gave it (probabilities or logits). */
    public Var given() {
        return given;
    }

    /** True when the caller gave logits. */
    public boolean isLogits() {
        return logits;
    }

    public int[] shape() {
        return given.shape();
    }

    public SuccessProbs broadcastTo(int... shape) {
        return new SuccessProbs(given.broadcastTo(shape), logits);
    }

    /** {@code p}, or {@code σ(l)}. */
    public Var probs() {
        return logits ? given.sigmoid() : given;
    }

    /** {@code 1 - p}, or {@code σ(-l)} (exact in the upper tail). */
    public Var complementProbs() {
        return logits ? given.neg().sigmoid() : given.rsub(1.0);
    }

    /** {@code l}, or {@code log p - log1p(-p)}. */
    public Var logits() {
        return logits ? given : given.log().sub(given.neg().log1p());
    }

    /** {@code log p}, or {@code log σ(l) = -softplus(-l)}. */
    public Var logP() {
        return logits ? given.logSigmoid() : given.log();
    }

    /** {@code log(1 - p)}: {@code log1p(-p)}, or {@code log σ(-l) = -softplus(l)}. */
    public Var log1mP() {
        return logits ? given.neg().logSigmoid() : given.neg().log1p();
    }

    /** {@code p} as data. */
    public Tensor p() {
        return probs().value();
    }

    /** {@code 1 - p} as data. */
    public Tensor q() {
        return complementProbs().value();
    }

    /**
     * The derivative of {@code s log p + f log(1 - p)} (s successes, f failures) with respect to
     * the given parameter: {@code s/p - f/(1 - p)} for probabilities (a term with a zero count is
     * 0), {@code s(1 - p) - f p} for logits.
     */
    public Tensor score(Tensor successes, Tensor failures) {
        Tensor p = p();
        Tensor q = q();
        if (logits) {
            return successes.mul(q).sub(failures.mul(p));
        }
        Tensor zero = Tensor.scalar(0.0);
        Tensor s = Tensor.where(successes.eq(zero), zero, successes.div(p));
        Tensor f = Tensor.where(failures.eq(zero), zero, failures.div(q));
        return s.sub(f);
    }
}
