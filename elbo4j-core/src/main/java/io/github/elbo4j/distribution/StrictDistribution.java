package io.github.elbo4j.distribution;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;

/** A distribution whose {@code logProb} rejects values outside the support ({@link Distributions#strict}). */
final class StrictDistribution implements Distribution {

    private final Distribution base;

    StrictDistribution(Distribution base) {
        this.base = base;
    }

    @Override
    public Var logProb(Var value) {
        Tensor inside = base instanceof ParameterizedSupport bounded
                ? bounded.contains(value.value()) : base.support().check(value.value());
        double[] flags = inside.toArray();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] != 1.0) {
                throw new IllegalArgumentException(base.getClass().getSimpleName() + " value must lie in its support "
                        + base.support() + ", got " + value.value().toString() + " (first violation at flat index " + i + ")");
            }
        }
        return base.logProb(value);
    }

    @Override public int[] batchShape() { return base.batchShape(); }
    @Override public int[] eventShape() { return base.eventShape(); }
    @Override public Constraint support() { return base.support(); }
    @Override public Tensor sample(RandomStream rng, int... sampleShape) { return base.sample(rng, sampleShape); }
    @Override public boolean hasRsample() { return base.hasRsample(); }
    @Override public Var rsample(RandomStream rng, int... sampleShape) { return base.rsample(rng, sampleShape); }
    @Override public Distribution expand(int... batchShape) { return new StrictDistribution(base.expand(batchShape)); }
    @Override public Tensor mean() { return base.mean(); }
    @Override public Tensor variance() { return base.variance(); }
    @Override public Var entropy() { return base.entropy(); }
    @Override public Tensor cdf(Tensor x) { return base.cdf(x); }
    @Override public Tensor icdf(Tensor p) { return base.icdf(p); }
}
