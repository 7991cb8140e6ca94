package io.github.elbo4j.optim;

/**
 * Gradient clipping before an update: by global L2 norm ({@code g ← g · min(1, c / ‖g‖₂)} over all
 * parameters together; Pascanu, Mikolov &amp; Bengio, ICML 2013, Algorithm 1) or by value
 * ({@code g_i ← max(-c, min(c, g_i))}).
 *
 * @param threshold the clipping threshold {@code c > 0}
 * @param byNorm    true for norm clipping, false for value clipping
 */
public record GradientClipping(double threshold, boolean byNorm) {

    /** Validates the threshold. */
    public GradientClipping {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("clipping threshold must be finite and > 0, got " + threshold);
        }
    }

    /** Clip by global L2 norm. */
    public static GradientClipping norm(double maxNorm) {
        return new GradientClipping(maxNorm, true);
    }

    /** Clip each component. */
    public static GradientClipping value(double maxAbs) {
        return new GradientClipping(maxAbs, false);
    }

    /** The clipped copy of {@code grads}. */
    public double[][] apply(double[][] grads) {
        double[][] out = new double[grads.length][];
        double factor = 1.0;
        if (byNorm) {
            double ss = 0;
            for (double[] g : grads) {
                for (double v : g) {
                    ss += v * v;
                }
            }
            double norm = Math.sqrt(ss);
            factor = norm > threshold ? threshold / norm : 1.0;
        }
        for (int p = 0; p < grads.length; p++) {
            out[p] = new double[grads[p].length];
            for (int i = 0; i < out[p].length; i++) {
                double v = grads[p][i] * factor;
                out[p][i] = byNorm ? v : Math.max(-threshold, Math.min(threshold, v));
            }
        }
        return out;
    }
}
