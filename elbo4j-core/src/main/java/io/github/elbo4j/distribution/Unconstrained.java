package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/**
 * A guide site drawn in the unconstrained coordinates of its model site: the guide's value is
 * {@code u} (distributed as {@code base}), and the model site replayed from it takes
 * {@code z = T(u)} with {@code T = bijectTo(support)} of the model's distribution <em>in that
 * run</em>, adding {@code log |det ∂T/∂u|} to its log-density (a change of variables done on the
 * model side, as NumPyro's {@code _unconstrain_reparam}). This is how a latent whose support
 * depends on other latents ({@code Uniform.of(0, oneMinusZ1)}) is fitted: the guide runs before
 * the model and cannot know the bounds of the run. {@code log q(u)} is the guide's term, so the
 * ELBO is {@code E_q[log p(x, T(u)) + log |det ∂T/∂u| - log q(u)]}, ADVI's objective (Kucukelbir
 * et al., JMLR 18(14), 2017, eq. 7).
 *
 * <p>Without the Jacobian ({@link #withoutJacobian}) the model scores {@code log p(x, T(u))}:
 * MAP in constrained space.
 */
public final class Unconstrained implements Distribution {

    private final Distribution base;
    private final boolean jacobian;

    private Unconstrained(Distribution base, boolean jacobian) {
        this.base = base;
        this.jacobian = jacobian;
    }

    /** Draws {@code u ~ base}; the model site maps it and adds the log-Jacobian. */
    public static Unconstrained of(Distribution base) {
        return new Unconstrained(base, true);
    }

    /** Draws {@code u ~ base}; the model site maps it without the log-Jacobian (MAP). */
    public static Unconstrained withoutJacobian(Distribution base) {
        return new Unconstrained(base, false);
    }

    /** The distribution of the unconstrained value. */
    public Distribution base() {
        return base;
    }

    /** True when the model site adds {@code log |det ∂T/∂u|}. */
    public boolean withJacobian() {
        return jacobian;
    }

    @Override
    public int[] batchShape() {
        return base.batchShape();
    }

    @Override
    public int[] eventShape() {
        return base.eventShape();
    }

    /** The support of {@code base} (unconstrained coordinates, normally the real line). */
    @Override
    public Constraint support() {
        return base.support();
    }

    /** {@code log q(u)} under {@code base}. */
    @Override
    public Var logProb(Var value) {
        return base.logProb(value);
    }

    @Override
    public Tensor sample(RandomStream rng, int... sampleShape) {
        return base.sample(rng, sampleShape);
    }

    @Override
    public boolean hasRsample() {
        return base.hasRsample();
    }

    @Override
    public Var rsample(RandomStream rng, int... sampleShape) {
        return base.rsample(rng, sampleShape);
    }

    @Override
    public Unconstrained expand(int... batchShape) {
        return new Unconstrained(base.expand(batchShape), jacobian);
    }

    /** The mean of {@code u}. */
    @Override
    public Tensor mean() {
        return base.mean();
    }

    /** The variance of {@code u}. */
    @Override
    public Tensor variance() {
        return base.variance();
    }

    @Override
    public Var entropy() {
        return base.entropy();
    }
}
