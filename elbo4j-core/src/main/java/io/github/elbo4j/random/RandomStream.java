package io.github.elbo4j.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** TEMPORARY local stand-in until the numbers branch lands (not committed). */
public final class RandomStream {
    private final long seed;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gauss;

    private RandomStream(long seed) {
        this.seed = seed;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    public static RandomStream of(long seed) { return new RandomStream(seed); }
    public RandomStream split(long index) { return new RandomStream(seed * 0x9E3779B97F4A7C15L + index + 1); }
    public double nextDouble() { return rng.nextDouble(); }
    public double nextGaussian() { return gauss.sample(); }
    public long nextLong() { return rng.nextLong(); }
    public int nextInt(int bound) { return rng.nextInt(bound); }
    public void fillGaussian(double[] out) { for (int i = 0; i < out.length; i++) { out[i] = gauss.sample(); } }
    public void fillUniform(double[] out) { for (int i = 0; i < out.length; i++) { out[i] = rng.nextDouble(); } }
    public UniformRandomProvider provider() { return rng; }
}
