package io.github.elbo4j.distribution.kernel;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import java.util.Arrays;

/**
 * A batch of vectors {@code [S..., B..., n]} (sample axes in front, batch axes, then the vector)
 * laid out as one matrix per batch element, {@code [B..., M, n]} with {@code M = |S|}: row
 * {@code m} of matrix {@code b} is draw {@code m} of batch element {@code b}. A multivariate
 * normal then whitens or colors all {@code M} draws of a batch element with one triangular solve
 * or one matrix product against its {@code n×n} factor, instead of {@code M} matrix-vector
 * operations (the layout of PyTorch's {@code _batch_mahalanobis}).
 */
public record SampleRows(int[] sampleShape, int[] batchShape) {

    /** Splits {@code vectorShape = [S..., B..., n]} given the number of batch axes. */
    public static SampleRows of(int[] vectorShape, int batchRank) {
        int sampleRank = vectorShape.length - batchRank - 1;
        if (sampleRank < 0) {
            throw new IllegalArgumentException("a batch of vectors needs rank >= " + (batchRank + 1) + ", got shape "
                    + Arrays.toString(vectorShape));
        }
        return new SampleRows(Arrays.copyOf(vectorShape, sampleRank),
                Arrays.copyOfRange(vectorShape, sampleRank, sampleRank + batchRank));
    }

    /** {@code M}, the number of draws per batch element. */
    public int draws() {
        return Broadcasting.size(sampleShape);
    }

    /** {@code [S..., B..., n] → [B..., M, n]}. */
    public Var toRows(Var vectors) {
        int n = vectors.shape()[vectors.shape().length - 1];
        int r = batchShape.length;
        Var flat = vectors.reshape(Broadcasting.concat(Broadcasting.concat(new int[] {draws()}, batchShape), new int[] {n}));
        if (r == 0) {
            return flat;
        }
        int[] perm = new int[r + 2];
        for (int i = 0; i < r; i++) {
            perm[i] = i + 1;
        }
        perm[r] = 0;
        perm[r + 1] = r + 1;
        return flat.permute(perm);
    }

    /** {@code [B..., M, n] → [S..., B..., n]}, the inverse of {@link #toRows}. */
    public Var fromRows(Var rows) {
        int n = rows.shape()[rows.shape().length - 1];
        int r = batchShape.length;
        Var flat = rows;
        if (r > 0) {
            int[] perm = new int[r + 2];
            perm[0] = r;
            for (int i = 0; i < r; i++) {
                perm[i + 1] = i;
            }
            perm[r + 1] = r + 1;
            flat = rows.permute(perm);
        }
        return flat.reshape(Broadcasting.concat(Broadcasting.concat(sampleShape, batchShape), new int[] {n}));
    }

    /** {@code [B..., M] → [S..., B...]}: one number per draw, back in draw-major order. */
    public Var fromScalars(Var perRow) {
        int r = batchShape.length;
        Var flat = perRow;
        if (r > 0) {
            int[] perm = new int[r + 1];
            perm[0] = r;
            for (int i = 0; i < r; i++) {
                perm[i + 1] = i;
            }
            flat = perRow.permute(perm);
        }
        return flat.reshape(Broadcasting.concat(sampleShape, batchShape));
    }
}
