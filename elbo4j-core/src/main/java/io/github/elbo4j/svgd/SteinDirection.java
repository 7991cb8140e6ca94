package io.github.elbo4j.svgd;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The SVGD direction for {@code n} particles (Liu &amp; Wang, "Stein variational gradient descent",
 * NeurIPS 2016, eq. 8) with the RBF kernel {@code k(x, x') = exp(-‖x - x'‖² / h)}:
 * <pre>
 * φ(x_i) = (1/n) Σ_j [k(x_j, x_i) ∇log p(x_j) + ∇_{x_j} k(x_j, x_i)]
 *        = (1/n) [K G + (2/h) (diag(K 1) X - K X)]_i
 * </pre>
 * ({@code ∇_{x_j} k(x_j, x_i) = (2/h) k_ij (x_i - x_j)}, the repulsive term), with the particles
 * as the rows of {@code X} ({@code [n, D]}), their gradients the rows of {@code G}, and the
 * bandwidth by the median heuristic {@code h = med² / log n} (sec. 5 of the paper), {@code med} the
 * median of the {@code n(n-1)/2} pairwise distances. The products {@code X Xᵀ}, {@code K G} and
 * {@code K X} go to BLAS.
 *
 * @param direction {@code φ}, {@code [n, D]}
 * @param bandwidth the {@code h} used
 */
public record SteinDirection(Tensor direction, double bandwidth) {

    /**
     * The direction at particles {@code x} with log-density gradients {@code gradients} (both {@code [n, D]}, {@code n ≥ 2}).
     * When every particle coincides ({@code med = 0}) the bandwidth is 1: the kernel is then 1 for every pair whatever {@code h}.
     */
    public static SteinDirection of(Tensor x, Tensor gradients) {
        int n = x.dim(0);
        if (n < 2) {
            throw new IllegalArgumentException("SVGD needs >= 2 particles for the median heuristic, got " + n);
        }
        double[] sq = x.square().sum(1).toArray();
        double[] gram = x.matmul(x.transpose()).toArray();
        double[] d2 = new double[n * n];
        double[] distances = new double[n * (n - 1) / 2];
        int p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // ‖x_i - x_j‖² from the Gram matrix; rounding can make it slightly negative, which is 0
                double v = i == j ? 0 : Math.max(0, sq[i] + sq[j] - 2 * gram[i * n + j]);
                d2[i * n + j] = v;
                if (j > i) {
                    distances[p++] = Math.sqrt(v);
                }
            }
        }
        Arrays.sort(distances);
        int m = distances.length;
        double med = m % 2 == 1 ? distances[m / 2] : 0.5 * (distances[m / 2 - 1] + distances[m / 2]);
        double h = med > 0 ? med * med / Math.log(n) : 1.0;
        double[] k = new double[n * n];
        double[] rowSums = new double[n];
        for (int i = 0; i < n * n; i++) {
            k[i] = Math.exp(-d2[i] / h);
            rowSums[i / n] += k[i];
        }
        Tensor kernel = Tensor.of(k, n, n);
        Tensor repulsion = x.mul(Tensor.of(rowSums, n, 1)).sub(kernel.matmul(x)).mul(2 / h);
        Tensor phi = kernel.matmul(gradients).add(repulsion).div(n);
        return new SteinDirection(phi, h);
    }
}
