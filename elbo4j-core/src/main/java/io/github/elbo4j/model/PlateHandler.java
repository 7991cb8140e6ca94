package io.github.elbo4j.model;

import io.github.elbo4j.distribution.Distribution;
import java.util.Arrays;

/**
 * Pushed while a plate's body runs: marks every sample site inside with the plate's frame,
 * scales its log-density by {@code size / subsampleSize}, and gives it the plate's copies (Pyro's
 * rule): the distribution's batch shape is broadcast to have the (subsample) size on axis
 * {@code dim}, so {@code Normal.of(mu, tau)} inside a plate of 8 is 8 independent copies. A
 * batch axis there of another size than 1 or the plate's is an error naming the site, the plate
 * and both sizes. Observed sites are only checked: their data carry the plate's axis, and
 * broadcasting their parameters too would copy them every step.
 */
final class PlateHandler implements Handler {

    private final PlateFrame frame;

    PlateHandler(PlateFrame frame) {
        this.frame = frame;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE) {
            return;
        }
        msg.addPlate(frame);
        msg.scaleBy((double) frame.size() / frame.subsampleSize());
        Distribution d = msg.distribution().orElseThrow();
        int[] batch = d.batchShape();
        int[] broadcast = withPlate(batch, msg.name());
        if (!msg.isObserved() && msg.value().isEmpty() && !Arrays.equals(batch, broadcast)) {
            msg.setDistribution(d.expand(broadcast));
        }
    }

    /** {@code batch} with the plate's size on axis {@code dim} (padded on the left with 1s as needed). */
    private int[] withPlate(int[] batch, String site) {
        int fromRight = -frame.dim();
        int rank = Math.max(batch.length, fromRight);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        System.arraycopy(batch, 0, out, rank - batch.length, batch.length);
        int axis = rank - fromRight;
        int size = frame.subsampleSize();
        if (out[axis] != 1 && out[axis] != size) {
            throw new IllegalArgumentException("site '" + site + "' has batch shape " + Arrays.toString(batch) + " with size "
                    + out[axis] + " on axis " + frame.dim() + ", where plate '" + frame.name() + "' of size " + size
                    + " puts its copies: a batch axis inside a plate must have size 1 or the plate's size"
                    + " (drop the expand, make the axis an event axis with toEvent, or move the site out of the plate)");
        }
        out[axis] = size;
        return out;
    }
}
