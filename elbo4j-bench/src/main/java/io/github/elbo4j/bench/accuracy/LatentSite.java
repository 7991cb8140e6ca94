package io.github.elbo4j.bench.accuracy;

import java.util.List;

/**
 * A latent site of a reference posterior as the Stan model declares it and the Java model samples
 * it.
 *
 * @param name the site name, the same in Stan and Java
 * @param shape the site's shape ({@code []} for a scalar)
 * @param constraint Stan's constraint: {@code real}, {@code positive}, {@code interval} or {@code ordered}
 */
public record LatentSite(String name, List<Integer> shape, String constraint) {

    public LatentSite {
        shape = List.copyOf(shape);
    }

    /** The number of scalar coordinates: the product of the shape. */
    public int size() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** The shape as an array, for tensors. */
    public int[] dims() {
        int[] out = new int[shape.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = shape.get(i);
        }
        return out;
    }
}
