package io.github.elbo4j.model;

import java.util.Arrays;

/**
 * The one shape contract of latent values (see {@link ModelContext}): in a run with {@code P}
 * particles of a model whose deepest plate nesting is {@code n}, a latent site's value has shape
 * {@code [P] + [1] * (n - b) + batchShape + eventShape}, where {@code batchShape} (of rank
 * {@code b}) is the distribution's batch shape without leading 1s (they broadcast and carry no
 * information). The particle axis is thus always axis 0, left of every plate axis (Pyro's
 * vectorized particles: Bingham et al., JMLR 20(28), 2019, sec. 3), and the prototype run has
 * {@code P = 1}.
 */
public final class LatentShape {

    private LatentShape() {
    }

    /** {@code shape} without its leading 1s. */
    public static int[] withoutLeadingOnes(int[] shape) {
        int k = 0;
        while (k < shape.length && shape[k] == 1) {
            k++;
        }
        return Arrays.copyOfRange(shape, k, shape.length);
    }

    /**
     * The contract shape {@code [P] + [1] * max(0, n - b) + batch + event} of a value with
     * {@code particles} particles, {@code batch} given without leading 1s.
     */
    public static int[] valueShape(int particles, int maxPlateNesting, int[] batch, int[] event) {
        int pad = Math.max(0, maxPlateNesting - batch.length);
        int[] out = new int[1 + pad + batch.length + event.length];
        Arrays.fill(out, 1);
        out[0] = particles;
        System.arraycopy(batch, 0, out, 1 + pad, batch.length);
        System.arraycopy(event, 0, out, 1 + pad + batch.length, event.length);
        return out;
    }

    /**
     * The shape of one draw of a site, {@code batchShape + eventShape}: a contract-shaped
     * {@code value} without its particle axis and the padding 1s of its batch part.
     *
     * @throws IllegalArgumentException when {@code value} has fewer than {@code eventRank + 1} axes
     */
    public static int[] siteShape(int[] value, int eventRank) {
        if (value.length < eventRank + 1) {
            throw new IllegalArgumentException("a latent value of shape " + Arrays.toString(value)
                    + " has no particle axis left of its " + eventRank + " event axes");
        }
        int[] batch = withoutLeadingOnes(Arrays.copyOfRange(value, 1, value.length - eventRank));
        int[] out = Arrays.copyOf(batch, batch.length + eventRank);
        System.arraycopy(value, value.length - eventRank, out, batch.length, eventRank);
        return out;
    }
}
