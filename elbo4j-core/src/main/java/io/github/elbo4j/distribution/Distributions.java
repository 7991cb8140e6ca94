package io.github.elbo4j.distribution;

/** Factories that wrap distributions. */
public final class Distributions {

    private Distributions() {
    }

    /**
     * {@code d} with argument validation on: {@link Distribution#logProb} throws
     * {@link IllegalArgumentException} naming the distribution, the value and its support for a
     * value outside the support, instead of returning {@code -∞}.
     */
    public static Distribution strict(Distribution d) {
        return new StrictDistribution(d);
    }
}
