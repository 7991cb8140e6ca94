package io.github.elbo4j.cavi.conjugate;

import java.util.Arrays;

/**
 * The mean-field variational distribution of {@link GaussianChainCavi},
 * {@code q(z) = Π_k N(z_k | means[k], variances[k])}.
 *
 * @param means the means {@code m_k}, finite (copied in and out)
 * @param variances the variances {@code s_k² > 0}, finite (copied in and out)
 */
public record GaussianChainCaviFactors(double[] means, double[] variances) {

    private static final String NAME = "GaussianChainCaviFactors";

    /**
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, a mean is
     *     not finite, or a variance is not finite and {@code > 0}, e.g.
     *     {@code GaussianChainCaviFactors variances[1] must be > 0 and finite, got 0.0}
     */
    public GaussianChainCaviFactors {
        if (means.length == 0) {
            throw new IllegalArgumentException(NAME + " means must not be empty, got length 0");
        }
        if (variances.length != means.length) {
            throw new IllegalArgumentException(NAME + " variances must have the length of means (" + means.length
                    + "), got length " + variances.length);
        }
        means = means.clone();
        variances = variances.clone();
        for (int k = 0; k < means.length; k++) {
            if (!Double.isFinite(means[k])) {
                throw new IllegalArgumentException(NAME + " means[" + k + "] must be finite, got " + means[k]);
            }
            if (!(variances[k] > 0) || variances[k] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(NAME + " variances[" + k + "] must be > 0 and finite, got "
                        + variances[k]);
            }
        }
    }

    /** A copy of the means. */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** A copy of the variances. */
    @Override
    public double[] variances() {
        return variances.clone();
    }

    /** The number of latent states {@code K}. */
    public int length() {
        return means.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianChainCaviFactors f && Arrays.equals(means, f.means)
                && Arrays.equals(variances, f.variances);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(means) + Arrays.hashCode(variances);
    }

    @Override
    public String toString() {
        return "GaussianChainCaviFactors[means=" + Arrays.toString(means) + ", variances="
                + Arrays.toString(variances) + "]";
    }
}
