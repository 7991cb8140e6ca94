package io.github.elbo4j.tensor;

/** Human-readable text of a tensor: its shape and (up to 64) leading elements. */
final class TensorFormat {

    private static final int SHOWN = 64;

    private TensorFormat() {
    }

    static String format(Tensor t) {
        double[] d = t.dataView();
        StringBuilder sb = new StringBuilder("Tensor").append(java.util.Arrays.toString(t.shapeView())).append('[');
        for (int i = 0; i < Math.min(d.length, SHOWN); i++) {
            sb.append(i == 0 ? "" : ", ").append(d[i]);
        }
        return sb.append(d.length > SHOWN ? ", ...]" : "]").toString();
    }
}
