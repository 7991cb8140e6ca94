package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The probabilities of {@code K} categories along the last axis, given as probabilities or as
 * unnormalized logits and kept in that form. Probabilities must be non-negative and sum to 1
 * within {@link Constraint#TOLERANCE} (they are then divided by their sum, so the model is exactly
 * normalized); logits may be {@code -∞} (an impossible category) but not NaN or {@code +∞}, and
 * are normalized as {@code log p_i = l_i - log Σ_j e^{l_j}}. Shared by Categorical,
 * OneHotCategorical and Multinomial.
 */
public final class CategoryProbs {

    private final Var given;
    private final boolean logits;

    private CategoryProbs(Var given, boolean logits) {
        this.given = given;
        this.logits = logits;
    }

    /** Probabilities, checked by the family's declared rule for {@code probs} and summing to 1. */
    public static CategoryProbs ofProbs(ParameterTable parameters, Var probs) {
        String distribution = parameters.distribution();
        Tensor p = probs.value();
        requireVector(distribution, "probs", p);
        parameters.check("probs", p);
        for (double s : p.sum(-1).toArray()) {
            if (!(Math.abs(s - 1) <= Constraint.TOLERANCE)) {
                throw new IllegalArgumentException(distribution + " probs must sum to 1 along the last axis (within "
                        + Constraint.TOLERANCE + "), got a sum of " + s);
            }
        }
        return new CategoryProbs(probs, false);
    }

    /** Logits, checked by the family's declared rule for {@code logits}, finite somewhere along the last axis. */
    public static CategoryProbs ofLogits(ParameterTable parameters, Var logits) {
        String distribution = parameters.distribution();
        Tensor l = logits.value();
        requireVector(distribution, "logits", l);
        parameters.check("logits", l);
        for (double m : l.max(-1).toArray()) {
            if (m == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException(distribution
                        + " logits must be finite somewhere along the last axis, got all -Infinity");
            }
        }
        return new CategoryProbs(logits, true);
    }

    private static void requireVector(String distribution, String parameter, Tensor t) {
        if (t.rank() < 1 || t.dim(-1) < 1) {
            throw new IllegalArgumentException(distribution + " " + parameter
                    + " must have at least one category along its last axis, got shape " + Arrays.toString(t.shape()));
        }
    }

    public Var given() {
        return given;
    }

    /** The number of categories {@code K}. */
    public int categories() {
        return given.value().dim(-1);
    }

    /** The parameter's shape without its last axis. */
    public int[] batchShape() {
        int[] s = given.shape();
        return Arrays.copyOf(s, s.length - 1);
    }

    public CategoryProbs broadcastTo(int... batchShape) {
        int[] full = Arrays.copyOf(batchShape, batchShape.length + 1);
        full[batchShape.length] = categories();
        return new CategoryProbs(given.broadcastTo(full), logits);
    }

    /** Normalized probabilities {@code p_i = probs_i / Σ probs}, or {@code exp(log p_i)}. */
    public Var probs() {
        return logits ? logProbs().exp() : given.div(keepLast(given.sum(-1)));
    }

    /** Normalized log-probabilities, {@code log p_i}, also valid logits. */
    public Var logProbs() {
        return logits ? given.sub(keepLast(given.logSumExp(-1))) : probs().log();
    }

    /** The logits as given, or the normalized log-probabilities. */
    public Var logits() {
        return logits ? given : logProbs();
    }

    private static Var keepLast(Var reduced) {
        int[] s = reduced.shape();
        int[] kept = Arrays.copyOf(s, s.length + 1);
        kept[s.length] = 1;
        return reduced.reshape(kept);
    }
}
