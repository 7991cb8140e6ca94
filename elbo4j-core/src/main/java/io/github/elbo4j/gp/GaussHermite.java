package io.github.elbo4j.gp;

import dev.ludovic.netlib.lapack.LAPACK;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import org.netlib.util.intW;

/**
 * Gauss-Hermite quadrature of order {@code Q}: nodes {@code t_q} and weights {@code w_q} with
 * {@code ∫ e^{-t²} p(t) dt = Σ_q w_q p(t_q)} exactly for every polynomial of degree {@code <= 2Q-1}.
 * Computed by the Golub-Welsch algorithm (Golub &amp; Welsch, "Calculation of Gauss quadrature
 * rules", Math. Comp. 23, 1969): the nodes are the eigenvalues of the symmetric tridiagonal Jacobi
 * matrix of the Hermite polynomials (zero diagonal, off-diagonal {@code √(k/2)}, {@code k = 1..Q-1},
 * from the recurrence {@code t H_k = H_{k+1}/2 + k H_{k-1}}), the weights {@code √π v_{0q}²} with
 * {@code v_{·q}} the unit eigenvectors (LAPACK {@code dstev}). Gaussian expectations follow by
 * {@code f = μ + √(2v) t}: {@code E_{N(μ, v)}[g(f)] ≈ Σ_q (w_q/√π) g(μ + √(2v) t_q)}.
 *
 * @param nodes {@code t_q}, ascending
 * @param weights {@code w_q}, summing to {@code √π}
 */
public record GaussHermite(double[] nodes, double[] weights) {

    /**
     * The rule of order {@code order}.
     *
     * @throws IllegalArgumentException if {@code order} is not in {@code [1, 200]}
     */
    public static GaussHermite of(int order) {
        if (order < 1 || order > 200) {
            throw new IllegalArgumentException("GaussHermite order must be in [1, 200], got " + order);
        }
        double[] d = new double[order];
        double[] e = new double[Math.max(1, order - 1)];
        for (int k = 1; k < order; k++) {
            e[k - 1] = Math.sqrt(k / 2.0);
        }
        double[] z = new double[order * order];
        double[] work = new double[Math.max(1, 2 * order - 2)];
        intW info = new intW(0);
        LAPACK.getInstance().dstev("V", order, d, e, z, order, work, info);
        if (info.val != 0) {
            throw new IllegalStateException("dstev failed with info " + info.val + " for GaussHermite order " + order);
        }
        double[] w = new double[order];
        double sqrtPi = Math.sqrt(Math.PI);
        for (int q = 0; q < order; q++) {
            double v0 = z[q * order]; // column-major: eigenvector q starts at q * order
            w[q] = sqrtPi * v0 * v0;
        }
        return new GaussHermite(d, w);
    }

    /** The order {@code Q}. */
    public int order() {
        return nodes.length;
    }

    /** The nodes as a row {@code [1, Q]}. */
    Tensor nodeRow() {
        return Tensor.of(nodes, 1, nodes.length);
    }

    /** The weights divided by {@code √π}, as a column {@code [Q]}: they sum to 1. */
    Tensor normalizedWeights() {
        return Tensor.of(weights).div(Math.sqrt(Math.PI));
    }

    /**
     * The points {@code f_nq = μ_n + √(2 v_n) t_q}, {@code [n, Q]}, at which a Gaussian expectation
     * is evaluated; differentiable in {@code μ} and {@code v}.
     */
    Var points(Var mean, Var variance) {
        int n = mean.shape()[0];
        return mean.reshape(n, 1).add(variance.mul(2).sqrt().reshape(n, 1).mul(nodeRow()));
    }

    /** {@code Σ_q (w_q/√π) g_nq} for values {@code g} {@code [n, Q]}: {@code [n]}. */
    Var expectation(Var g) {
        return g.matmul(normalizedWeights());
    }
}
