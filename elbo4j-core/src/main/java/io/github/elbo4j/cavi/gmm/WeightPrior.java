package io.github.elbo4j.cavi.gmm;

import java.util.Objects;

/**
 * The prior on the mixing weights {@code π} of a {@link GaussianMixtureVI} with {@code K}
 * components.
 *
 * <ul>
 *   <li>{@link #dirichlet(double)}: {@code π ~ Dirichlet(α0, ..., α0)}; its variational posterior
 *       is {@code Dirichlet(α0 + N_1, ..., α0 + N_K)} (Bishop, PRML, 2006, eqs. 10.39, 10.58);
 *   <li>{@link #dirichletProcess(double)}: the truncated stick-breaking representation of a
 *       Dirichlet process, {@code v_k ~ Beta(1, α)} for {@code k < K}, {@code v_K = 1},
 *       {@code π_k = v_k Π_{j<k} (1 - v_j)}; its variational posterior is
 *       {@code q(v_k) = Beta(1 + N_k, α + Σ_{j>k} N_j)} (Blei and Jordan, "Variational inference
 *       for Dirichlet process mixtures", Bayesian Analysis 1(1), 2006, sec. 4, eqs. 18-19).
 * </ul>
 *
 * <p>scikit-learn's {@code dirichlet_process} keeps a Beta factor for the last stick too, so
 * its weights do not sum to one under q; here the last stick is 1, as in Blei and Jordan.
 */
public final class WeightPrior {

    private final boolean stickBreaking;
    private final double concentration;

    private WeightPrior(boolean stickBreaking, double concentration) {
        this.stickBreaking = stickBreaking;
        this.concentration = concentration;
    }

    /**
     * A symmetric Dirichlet prior {@code Dirichlet(α0, ..., α0)} on the weights (Bishop, PRML, 2006,
     * eq. 10.39); {@code α0 < 1} favours few components.
     *
     * @throws IllegalArgumentException unless {@code 0 < concentration < ∞}
     */
    public static WeightPrior dirichlet(double concentration) {
        return new WeightPrior(false, check("dirichlet", concentration));
    }

    /**
     * A truncated Dirichlet process prior: stick breaks {@code v_k ~ Beta(1, α)} with
     * {@code α = concentration}, {@code v_K = 1}, {@code π_k = v_k Π_{j<k} (1 - v_j)} (Sethuraman's
     * construction truncated as in Blei and Jordan, Bayesian Analysis 1(1), 2006, sec. 4); a small
     * {@code α} favours few components.
     *
     * @throws IllegalArgumentException unless {@code 0 < concentration < ∞}
     */
    public static WeightPrior dirichletProcess(double concentration) {
        return new WeightPrior(true, check("dirichletProcess", concentration));
    }

    /** The concentration: {@code α0} of the Dirichlet or {@code α} of the Dirichlet process. */
    public double concentration() {
        return concentration;
    }

    /** True for the stick-breaking Dirichlet process, false for the finite Dirichlet. */
    public boolean isDirichletProcess() {
        return stickBreaking;
    }

    /** The variational posterior of the weights given the expected counts {@code N_k}. */
    GmmWeightPosterior posterior(double[] counts) {
        return stickBreaking
                ? GmmStickBreakingWeights.of(concentration, counts)
                : GmmDirichletWeights.of(concentration, counts);
    }

    private static double check(String factory, double concentration) {
        if (!(concentration > 0) || Double.isInfinite(concentration)) {
            throw new IllegalArgumentException("WeightPrior." + factory + " concentration must be finite and > 0, got "
                    + concentration);
        }
        return concentration;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightPrior
                && ((WeightPrior) o).stickBreaking == stickBreaking
                && Double.compare(((WeightPrior) o).concentration, concentration) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stickBreaking, concentration);
    }

    @Override
    public String toString() {
        return (stickBreaking ? "dirichletProcess(" : "dirichlet(") + concentration + ")";
    }
}
