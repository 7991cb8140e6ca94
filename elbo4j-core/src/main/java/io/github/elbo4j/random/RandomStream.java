package io.github.elbo4j.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded stream of random numbers that splits into independent child streams by index.
 *
 * <p>A stream is fixed by one 64-bit key, its {@link #seed()}: {@code RandomStream.of(s)} has key
 * {@code s}, and {@code split(i)} makes a child whose key is a hash of (this key, {@code i}). A
 * child depends only on its parent's key and the index, not on how many numbers the parent has
 * drawn or on which thread asks, so work split into pieces (particles, data chunks, chains) can
 * give piece {@code i} the stream {@code root.split(i)} and get the same numbers on any number of
 * threads. {@code RandomStream.of(s.seed())} starts a stream over from its first number.
 *
 * <p><b>Generator.</b> L64X128MixRandom, the LXM generator of Steele and Vigna ("LXM: better
 * splittable pseudorandom number generators (and almost as fast)", OOPSLA 2021), through Commons
 * RNG's {@link RandomSource#L64_X128_MIX}: a 64-bit LCG added to a 128-bit xoroshiro generator and
 * passed through a mixing function, period 2^64 · (2^128 - 1), 2^63 distinct streams selected by the
 * LCG's additive constant. That paper designs LXM for splitting: streams with different additive
 * constants and seeds drawn from a good hash are statistically independent, which is exactly how a
 * child is made here (its key is hashed, then expanded by SplitMix64 into the four seed words, the
 * additive constant among them). A xoroshiro {@code jump()} would give provably disjoint
 * sub-sequences, but child {@code i} would cost {@code i} jumps and depend on the order of splits;
 * LXM splitting is O(1) for any index and order-free. (Java 17's {@code java.util.random} ships
 * the same algorithm as {@code L64X128MixRandom}.)
 *
 * <p><b>Threads.</b> A stream is mutable: each draw advances it. It is owned by one thread at a
 * time and is not safe for concurrent use; give each thread or task its own {@link #split}. There
 * is no static or shared state: two streams never touch each other.
 */
public final class RandomStream {

    /** The SplitMix64 increment, the odd integer closest to 2^64 / φ (Steele, Lea, Flood 2014). */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    /** Separates the key hash used for children from the SplitMix64 seed expansion. */
    private static final long SPLIT_SALT = 0x6a09e667f3bcc909L;
    private static final int SEED_WORDS = 4;

    private final long key;
    private final UniformRandomProvider generator;
    private final NormalizedGaussianSampler gaussian;

    private RandomStream(long key) {
        this.key = key;
        long[] words = new long[SEED_WORDS];
        long state = key;
        for (int i = 0; i < SEED_WORDS; i++) {
            state += GOLDEN_GAMMA;
            words[i] = mix(state);
        }
        this.generator = RandomSource.L64_X128_MIX.create(words);
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(generator);
    }

    /** A stream with key {@code seed}: the same seed always gives the same numbers. */
    public static RandomStream of(long seed) {
        return new RandomStream(seed);
    }

    /**
     * The key of this stream: the seed given to {@link #of} for a root stream, the derived key for a
     * child. {@code RandomStream.of(seed())} restarts this stream from its first number.
     */
    public long seed() {
        return key;
    }

    /**
     * The child stream number {@code index} (any long, negative ones included). Its key is
     * {@code mix(mix(key ^ salt) + γ (index + 1))}, with {@code mix} the Stafford "variant 13"
     * finalizer of SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
     * generators", OOPSLA 2014) and {@code γ} its golden-ratio increment: a bijection of the index
     * for a fixed parent, so two children of one parent never share a key. This stream is not
     * advanced; calling {@code split(i)} twice gives two streams with the same numbers.
     */
    public RandomStream split(long index) {
        return new RandomStream(mix(mix(key ^ SPLIT_SALT) + GOLDEN_GAMMA * index + GOLDEN_GAMMA));
    }

    /** A uniform double in {@code [0, 1)}: 53 random bits times {@code 2^-53}. */
    public double nextDouble() {
        return generator.nextDouble();
    }

    /**
     * A standard normal draw, by the modified ziggurat of McFarland ("A modified ziggurat algorithm
     * for generating exponentially and normally distributed pseudorandom numbers", J. Stat. Comput.
     * Simul. 86(7), 2016) as Commons RNG's {@code ZigguratSampler.NormalizedGaussian} implements it.
     */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /** 64 uniformly random bits. */
    public long nextLong() {
        return generator.nextLong();
    }

    /**
     * A uniform integer in {@code [0, bound)}, without modulo bias: Commons RNG rejects the few
     * raw values that would make some results more likely than others.
     *
     * @throws IllegalArgumentException if {@code bound <= 0}
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("nextInt bound must be > 0, got " + bound);
        }
        return generator.nextInt(bound);
    }

    /** Overwrites every element of {@code out} with an independent standard normal draw. */
    public void fillGaussian(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = gaussian.sample();
        }
    }

    /** Overwrites every element of {@code out} with an independent uniform draw in {@code [0, 1)}. */
    public void fillUniform(double[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = generator.nextDouble();
        }
    }

    /** The underlying Commons RNG generator, for the samplers of this package; it shares the state. */
    UniformRandomProvider generator() {
        return generator;
    }

    /**
     * The underlying Commons RNG generator, for Commons RNG samplers (gamma, beta, Poisson, ...).
     * Draws through it advance this stream; like the stream, it belongs to one thread.
     */
    public UniformRandomProvider provider() {
        return generator;
    }

    @Override
    public String toString() {
        return "RandomStream[seed=" + key + "]";
    }

    /** Stafford's "variant 13" 64-bit finalizer, a bijection used by SplitMix64. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
