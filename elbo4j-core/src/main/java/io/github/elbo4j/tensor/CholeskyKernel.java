package io.github.elbo4j.tensor;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.netlib.util.intW;

/**
 * The Cholesky factorization {@code A = L Lᵀ} and the inverse {@code A⁻¹ = L⁻ᵀ L⁻¹} of one
 * row-major {@code n×n} matrix stored at an offset of a larger array, in place. Each method says
 * which triangle it reads and what it leaves in the block; none allocates.
 *
 * <p>Two implementations of each: plain loops, and LAPACK ({@code dpotrf}, {@code dpotri})
 * through {@code dev.ludovic.netlib}. LAPACK is used from {@value #NETLIB_MIN_ORDER} on when a
 * native library is loaded; otherwise the loops, because the pure-Java F2J fallback of
 * {@code dev.ludovic.netlib} was never faster than them (JDK 17, 2 cores: {@code dpotrf} 13.6 µs
 * vs 7.8 µs at n = 40, 158 vs 95 µs at n = 100, 10.9 vs 10.2 ms at n = 400; at n ≤ 8 the
 * F2J call costs 0.2-0.4 µs against 0.01-0.2 µs for the loop). The threshold for native code is
 * a guess: no native LAPACK was installed where this was measured.
 */
final class CholeskyKernel {

    /** Smallest order sent to a native LAPACK. */
    static final int NETLIB_MIN_ORDER = 32;

    private static final boolean NATIVE = LAPACK.getInstance() instanceof NativeLAPACK;

    private CholeskyKernel() {
    }

    /**
     * Overwrites the block {@code m[o .. o + n²)} holding {@code A} (only its lower triangle is
     * read) with the lower-triangular {@code L} of {@code A = L Lᵀ}, zeros above the diagonal.
     *
     * @return 0 on success, else the order {@code k ≥ 1} of the first leading minor that is not
     *     positive definite (the block then holds partial results)
     */
    static int factor(double[] m, int o, int n) {
        return NATIVE && n >= NETLIB_MIN_ORDER ? factorNetlib(m, o, n) : factorLoop(m, o, n);
    }

    /**
     * {@link #factor} by the Cholesky–Banachiewicz recurrence, row by row:
     * {@code L_ij = (A_ij - Σ_{p<j} L_ip L_jp) / L_jj} for {@code j < i} and
     * {@code L_ii = √(A_ii - Σ_{p<i} L_ip²)} (Golub &amp; Van Loan, "Matrix Computations", 4th ed.,
     * 2013, §4.2; Higham, "Accuracy and Stability of Numerical Algorithms", 2nd ed., 2002, ch. 10).
     * Both inner sums run over contiguous rows.
     */
    static int factorLoop(double[] m, int o, int n) {
        for (int i = 0; i < n; i++) {
            int ri = o + i * n;
            for (int j = 0; j <= i; j++) {
                int rj = o + j * n;
                double s = m[ri + j];
                for (int p = 0; p < j; p++) {
                    s -= m[ri + p] * m[rj + p];
                }
                if (j < i) {
                    m[ri + j] = s / m[rj + j];
                } else if (s > 0) {
                    m[ri + i] = Math.sqrt(s);
                } else {
                    return i + 1;
                }
            }
        }
        zeroUpper(m, o, n);
        return 0;
    }

    /**
     * {@link #factor} by LAPACK {@code dpotrf}. A row-major block read column-major is its
     * transpose, so {@code dpotrf("U")} reads the row-major lower triangle and writes
     * {@code U = Lᵀ} column-major, which is {@code L} row-major; the other triangle still holds
     * input and is zeroed here.
     */
    static int factorNetlib(double[] m, int o, int n) {
        intW info = new intW(0);
        LAPACK.getInstance().dpotrf("U", n, m, o, Math.max(1, n), info);
        if (info.val != 0) {
            return info.val;
        }
        zeroUpper(m, o, n);
        return 0;
    }

    /**
     * Overwrites the block holding {@code L} (only its lower triangle is read; its diagonal must
     * be non-zero) with the full symmetric {@code A⁻¹ = (L Lᵀ)⁻¹}.
     */
    static void invert(double[] m, int o, int n) {
        if (NATIVE && n >= NETLIB_MIN_ORDER) {
            invertNetlib(m, o, n);
        } else {
            invertLoop(m, o, n);
        }
    }

    /**
     * {@link #invert} in two in-place sweeps. First {@code W = L⁻¹}, row by row, from
     * {@code (L W)_ij = 0} for {@code i > j}: {@code W_ij = -(Σ_{p=j}^{i-1} L_ip W_pj) / L_ii},
     * {@code W_ii = 1 / L_ii}; entries of row {@code i} are replaced left to right, after their
     * last use. Then {@code (A⁻¹)_ij = (Wᵀ W)_ij = Σ_{p≥i} W_pi W_pj} for {@code j ≤ i}, rows in
     * increasing order and the diagonal last, so every {@code W} entry is read before it is
     * replaced; the upper triangle is then mirrored (Higham, "Accuracy and Stability of Numerical
     * Algorithms", 2nd ed., 2002, ch. 14).
     */
    static void invertLoop(double[] m, int o, int n) {
        for (int i = 0; i < n; i++) {
            int ri = o + i * n;
            double d = m[ri + i];
            for (int j = 0; j < i; j++) {
                double s = 0;
                for (int p = j; p < i; p++) {
                    s += m[ri + p] * m[o + p * n + j];
                }
                m[ri + j] = -s / d;
            }
            m[ri + i] = 1.0 / d;
        }
        for (int i = 0; i < n; i++) {
            int ri = o + i * n;
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int p = i; p < n; p++) {
                    s += m[o + p * n + i] * m[o + p * n + j];
                }
                m[ri + j] = s;
            }
        }
        mirrorLower(m, o, n);
    }

    /**
     * {@link #invert} by LAPACK {@code dpotri("U")}, which sees the row-major {@code L} as the
     * column-major upper factor {@code Lᵀ} of the same {@code A} and writes {@code A⁻¹} in that
     * triangle (the row-major lower one); the upper triangle is then mirrored.
     */
    static void invertNetlib(double[] m, int o, int n) {
        intW info = new intW(0);
        LAPACK.getInstance().dpotri("U", n, m, o, Math.max(1, n), info);
        if (info.val != 0) {
            throw new IllegalStateException("dpotri failed with info " + info.val + " on a factor with a non-zero diagonal");
        }
        mirrorLower(m, o, n);
    }

    private static void zeroUpper(double[] m, int o, int n) {
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(m, o + i * n + i + 1, o + (i + 1) * n, 0.0);
        }
    }

    private static void mirrorLower(double[] m, int o, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                m[o + i * n + j] = m[o + j * n + i];
            }
        }
    }
}
