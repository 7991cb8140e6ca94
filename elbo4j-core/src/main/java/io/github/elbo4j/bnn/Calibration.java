package io.github.elbo4j.bnn;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * How well a classifier's confidence matches its accuracy, from predicted class probabilities
 * {@code p_nk} ({@code [N, K]}) and the true labels {@code y_n}. The prediction is
 * {@code ŷ_n = argmax_k p_nk} (the first maximum on a tie) and the confidence
 * {@code c_n = max_k p_nk}. With {@code M} equal-width bins {@code B_m = {n : c_n ∈ ((m-1)/M, m/M]}},
 * {@code m = 1..M}:
 *
 * <ul>
 *   <li>{@code acc(B_m) = (1/|B_m|) Σ_{n ∈ B_m} 1{ŷ_n = y_n}}, {@code conf(B_m) = (1/|B_m|) Σ_{n ∈ B_m} c_n};</li>
 *   <li>the expected calibration error {@code ECE = Σ_m (|B_m| / N) |acc(B_m) - conf(B_m)|}
 *       (Guo, Pleiss, Sun &amp; Weinberger, "On calibration of modern neural networks", ICML 2017,
 *       section 2, eq. 3; they and this class use {@code M = 15});</li>
 *   <li>the reliability diagram plots {@code acc(B_m)} against {@code conf(B_m)} for the non-empty bins,
 *       next to the diagonal of perfect calibration.</li>
 * </ul>
 *
 * Immutable; the arrays returned are copies.
 */
public final class Calibration {

    /** Guo et al.'s number of bins. */
    public static final int GUO_BINS = 15;

    private final int n;
    private final double accuracy;
    private final double ece;
    private final double negativeLogLikelihood;
    private final double[] binConfidence;
    private final double[] binAccuracy;
    private final int[] binCount;

    private Calibration(int n, double accuracy, double ece, double nll, double[] conf, double[] acc, int[] count) {
        this.n = n;
        this.accuracy = accuracy;
        this.ece = ece;
        this.negativeLogLikelihood = nll;
        this.binConfidence = conf;
        this.binAccuracy = acc;
        this.binCount = count;
    }

    /** {@link #of(Tensor, int[], int)} with Guo et al.'s 15 bins. */
    public static Calibration of(Tensor probabilities, int[] labels) {
        return of(probabilities, labels, GUO_BINS);
    }

    /**
     * The calibration of {@code probabilities} ({@code [N, K]}, rows of non-negative numbers summing
     * to 1 within 1e-6) against {@code labels} (each in {@code [0, K)}) in {@code bins} equal-width
     * confidence bins.
     *
     * @throws IllegalArgumentException naming the value and the rule, if the shapes do not fit, a
     *     label is out of range, a row is not a probability vector, or {@code bins < 1}
     */
    public static Calibration of(Tensor probabilities, int[] labels, int bins) {
        int[] shape = probabilities.shape();
        if (shape.length != 2 || shape[0] != labels.length || shape[0] < 1) {
            throw new IllegalArgumentException("Calibration probabilities must have shape [N, K] with N = " + labels.length
                    + " (the number of labels) >= 1, got " + Arrays.toString(shape));
        }
        if (bins < 1) {
            throw new IllegalArgumentException("Calibration bins must be >= 1, got " + bins);
        }
        int n = shape[0];
        int k = shape[1];
        double[] p = probabilities.toArray();
        double[] confSum = new double[bins];
        double[] correct = new double[bins];
        int[] count = new int[bins];
        double right = 0;
        double nll = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("Calibration labels[" + i + "] = " + labels[i] + " must be in [0, " + k + ")");
            }
            int best = 0;
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double v = p[i * k + j];
                if (!(v >= 0 && v <= 1)) {
                    throw new IllegalArgumentException("Calibration probabilities[" + i + ", " + j + "] = " + v + " must be in [0, 1]");
                }
                sum += v;
                if (v > p[i * k + best]) {
                    best = j;
                }
            }
            if (Math.abs(sum - 1) > 1e-6) {
                throw new IllegalArgumentException("Calibration probabilities row " + i + " sums to " + sum + ", must sum to 1 (within 1e-6)");
            }
            double c = p[i * k + best];
            int bin = Math.min(bins - 1, Math.max(0, (int) Math.ceil(c * bins) - 1)); // c in ((m-1)/M, m/M] -> m - 1
            confSum[bin] += c;
            count[bin]++;
            if (best == labels[i]) {
                correct[bin]++;
                right++;
            }
            nll -= Math.log(p[i * k + labels[i]]);
        }
        double ece = 0;
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        for (int m = 0; m < bins; m++) {
            conf[m] = count[m] == 0 ? Double.NaN : confSum[m] / count[m];
            acc[m] = count[m] == 0 ? Double.NaN : correct[m] / count[m];
            if (count[m] > 0) {
                ece += (double) count[m] / n * Math.abs(acc[m] - conf[m]);
            }
        }
        return new Calibration(n, right / n, ece, nll / n, conf, acc, count);
    }

    /** The fraction of correct predictions {@code (1/N) Σ_n 1{ŷ_n = y_n}}. */
    public double accuracy() {
        return accuracy;
    }

    /** {@code ECE = Σ_m (|B_m| / N) |acc(B_m) - conf(B_m)|} (Guo et al. 2017, eq. 3). */
    public double expectedCalibrationError() {
        return ece;
    }

    /** The mean negative log probability of the true label, {@code -(1/N) Σ_n log p_{n, y_n}} (may be {@code +∞}). */
    public double negativeLogLikelihood() {
        return negativeLogLikelihood;
    }

    /** {@code conf(B_m)} per bin, {@code NaN} for an empty bin. */
    public double[] binConfidence() {
        return binConfidence.clone();
    }

    /** {@code acc(B_m)} per bin, {@code NaN} for an empty bin. */
    public double[] binAccuracy() {
        return binAccuracy.clone();
    }

    /** {@code |B_m|} per bin. */
    public int[] binCount() {
        return binCount.clone();
    }

    /** The number of predictions {@code N}. */
    public int size() {
        return n;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Calibration(N = %d, accuracy %.4f, ECE %.4f, NLL %.4f, %d bins)", n, accuracy, ece,
                negativeLogLikelihood, binCount.length);
    }
}
