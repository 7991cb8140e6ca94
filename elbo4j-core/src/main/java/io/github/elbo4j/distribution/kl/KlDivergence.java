package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * The Kullback–Leibler divergence {@code KL(p ‖ q) = E_p[log p(X) - log q(X)] >= 0} (Kullback
 * &amp; Leibler, Ann. Math. Stat. 22, 1951), in closed form for the pairs registered in
 * {@link KlRegistry} (dispatched on the pair of classes, as NumPyro's {@code kl.py}), with a Monte
 * Carlo estimate and its standard error for any pair that can be sampled and scored.
 */
public final class KlDivergence {

    private KlDivergence() {
    }

    /**
     * {@code KL(p ‖ q)} over the batch, in closed form; {@code +∞} when the support of {@code p}
     * is not contained in that of {@code q} (see {@link #explain}).
     *
     * @throws IllegalArgumentException naming both types when no closed form is registered
     */
    public static Var of(Distribution p, Distribution q) {
        Optional<Var> closed = KlRegistry.closedForm(p, q);
        if (closed.isPresent()) {
            return closed.get();
        }
        if (SupportOrder.definitelyNotContained(p.support(), q.support())) {
            return Var.constant(Tensor.full(Double.POSITIVE_INFINITY, p.batchShape()));
        }
        throw new IllegalArgumentException("no closed-form KL(" + p.getClass().getSimpleName() + " ‖ "
                + q.getClass().getSimpleName() + ") is registered; use KlDivergence.monteCarlo");
    }

    /** True when {@link #of} has a closed form (or a support mismatch) for this pair. */
    public static boolean hasClosedForm(Distribution p, Distribution q) {
        return KlRegistry.closedForm(p, q).isPresent() || SupportOrder.definitelyNotContained(p.support(), q.support());
    }

    /** How {@link #of} computes this pair: the registered rule, or why the divergence is infinite. */
    public static String explain(Distribution p, Distribution q) {
        String pn = p.getClass().getSimpleName();
        String qn = q.getClass().getSimpleName();
        if (KlRegistry.closedForm(p, q).isPresent()) {
            return "closed form for KL(" + pn + " ‖ " + qn + ")";
        }
        if (SupportOrder.definitelyNotContained(p.support(), q.support())) {
            return "infinite: the support " + p.support() + " of " + pn + " is not contained in the support "
                    + q.support() + " of " + qn + ", so p puts mass where q has none";
        }
        return "no closed form for KL(" + pn + " ‖ " + qn + "); estimate it with monteCarlo";
    }

    /** A Monte Carlo estimate over the batch with its standard error. */
    public record Estimate(Tensor value, Tensor standardError) {
    }

    /**
     * {@code KL(p ‖ q) ≈ (1/n) Σ [log p(x_i) - log q(x_i)]}, {@code x_i ~ p}, with standard error
     * {@code s/√n} from the sample standard deviation {@code s} of the terms. p is first expanded to
     * the broadcast of both batch shapes, so either side may be batched (the draws then come from
     * the expanded p: one independent stream of x per batch element).
     */
    public static Estimate monteCarlo(Distribution p, Distribution q, int n, RandomStream rng) {
        if (n < 2) {
            throw new IllegalArgumentException("monteCarlo KL needs n >= 2 draws, got " + n);
        }
        int[] batch = io.github.elbo4j.tensor.Broadcasting.shape(p.batchShape(), q.batchShape());
        Distribution expanded = java.util.Arrays.equals(batch, p.batchShape()) ? p : p.expand(batch);
        Tensor x = expanded.sample(rng, n);
        Tensor terms = expanded.logProb(x).value().sub(q.logProb(x).value());
        Tensor mean = terms.mean(0);
        Tensor var = terms.sub(mean).square().sum(0).div(n - 1.0);
        return new Estimate(mean, var.div(n).sqrt());
    }
}
