package io.github.elbo4j.pathfinder;

import java.util.List;

/**
 * The L-BFGS inverse-Hessian estimate in its compact form {@code H = diag(α) + β γ βᵀ} (Byrd,
 * Nocedal &amp; Schnabel, Math. Programming 63, 1994, eq. 3.1; Pathfinder's Algorithm 3: Zhang,
 * Carpenter, Gelman &amp; Vehtari, JMLR 23(306), 2022), from {@code m} pairs {@code s_i = x_{i+1} - x_i},
 * {@code y_i = ∇f(x_{i+1}) - ∇f(x_i)} of {@code f = -log p}, oldest first, and the initial
 * diagonal {@code α}:
 * <pre>
 * β = [diag(α) Y, S]                                        (D × 2m)
 * γ = [[0, -R⁻¹], [-R⁻ᵀ, R⁻ᵀ (E + Yᵀ diag(α) Y) R⁻¹]]       (2m × 2m)
 * </pre>
 * with {@code R_ij = s_iᵀ y_j} for {@code i ≤ j} (upper triangular) and {@code E = diag(s_iᵀ y_i)}.
 * This is the matrix the BFGS update {@code H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ},
 * {@code ρ = 1 / sᵀy}, reaches from {@code diag(α)} after the {@code m} pairs in order.
 *
 * @param alpha the diagonal {@code α} ({@code D}, positive)
 * @param beta  {@code β}, {@code D × 2m} ({@code beta[d][c]})
 * @param gamma {@code γ}, {@code 2m × 2m}
 */
record InverseHessianFactors(double[] alpha, double[][] beta, double[][] gamma) {

    /** The factors from {@code alpha} and the pairs {@code s}, {@code y} (each a list of {@code D}-vectors, oldest first, {@code m ≥ 1}). */
    static InverseHessianFactors of(double[] alpha, List<double[]> s, List<double[]> y) {
        int m = s.size();
        int dim = alpha.length;
        double[][] r = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                r[i][j] = dot(s.get(i), y.get(j));
            }
        }
        double[][] rInv = upperInverse(r);
        double[][] middle = new double[m][m];         // E + Yᵀ diag(α) Y
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                double v = 0;
                double[] yi = y.get(i);
                double[] yj = y.get(j);
                for (int d = 0; d < dim; d++) {
                    v += yi[d] * alpha[d] * yj[d];
                }
                middle[i][j] = v + (i == j ? r[i][i] : 0);
            }
        }
        double[][] lower = multiply(transpose(rInv), multiply(middle, rInv));
        double[][] gamma = new double[2 * m][2 * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                gamma[i][m + j] = -rInv[i][j];
                gamma[m + j][i] = -rInv[i][j];
                gamma[m + i][m + j] = lower[i][j];
            }
        }
        double[][] beta = new double[dim][2 * m];
        for (int d = 0; d < dim; d++) {
            for (int i = 0; i < m; i++) {
                beta[d][i] = alpha[d] * y.get(i)[d];
                beta[d][m + i] = s.get(i)[d];
            }
        }
        return new InverseHessianFactors(alpha.clone(), beta, gamma);
    }

    /**
     * The diagonal update of Pathfinder's Algorithm 3 (after Gilbert &amp; Lemaréchal, Math.
     * Programming 45, 1989): the diagonal of the BFGS update of the Hessian estimate
     * {@code B = c · diag(1/α)}, rescaled by {@code c = yᵀ diag(α) y / yᵀs} (Oren–Luenberger), with
     * the pair {@code (s, y)}:
     * <pre>
     * 1/α'_d = c/α_d + y_d² / yᵀs - c (s_d/α_d)² / Σ_e s_e²/α_e
     * </pre>
     * (the diagonal of {@code B + y yᵀ/yᵀs - B s sᵀ B / sᵀBs}); positive whenever {@code yᵀs > 0}.
     */
    static double[] updateDiagonal(double[] alpha, double[] s, double[] y) {
        int dim = alpha.length;
        double ys = dot(y, s);
        double yay = 0;
        double sas = 0;
        for (int d = 0; d < dim; d++) {
            yay += y[d] * alpha[d] * y[d];
            sas += s[d] * s[d] / alpha[d];
        }
        double c = yay / ys;
        double[] out = new double[dim];
        for (int d = 0; d < dim; d++) {
            double sa = s[d] / alpha[d];
            out[d] = 1 / (c / alpha[d] + y[d] * y[d] / ys - c * sa * sa / sas);
        }
        return out;
    }

    /** {@code H v = α ∘ v + β (γ (βᵀ v))}. */
    double[] times(double[] v) {
        int dim = alpha.length;
        int r = gamma.length;
        double[] bv = new double[r];
        for (int d = 0; d < dim; d++) {
            for (int c = 0; c < r; c++) {
                bv[c] += beta[d][c] * v[d];
            }
        }
        double[] gbv = new double[r];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                gbv[i] += gamma[i][j] * bv[j];
            }
        }
        double[] out = new double[dim];
        for (int d = 0; d < dim; d++) {
            double v2 = alpha[d] * v[d];
            for (int c = 0; c < r; c++) {
                v2 += beta[d][c] * gbv[c];
            }
            out[d] = v2;
        }
        return out;
    }

    /** The dense {@code H = diag(α) + β γ βᵀ} ({@code D × D}). */
    double[][] dense() {
        int dim = alpha.length;
        double[][] bg = multiply(beta, gamma);
        double[][] h = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                double v = i == j ? alpha[i] : 0;
                for (int c = 0; c < gamma.length; c++) {
                    v += bg[i][c] * beta[j][c];
                }
                h[i][j] = v;
            }
        }
        return h;
    }

    static double dot(double[] a, double[] b) {
        double v = 0;
        for (int i = 0; i < a.length; i++) {
            v += a[i] * b[i];
        }
        return v;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int m = b[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < k; p++) {
                double aip = a[i][p];
                for (int j = 0; j < m; j++) {
                    out[i][j] += aip * b[p][j];
                }
            }
        }
        return out;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** The inverse of an upper-triangular matrix with a non-zero diagonal, by back substitution. */
    private static double[][] upperInverse(double[][] r) {
        int m = r.length;
        double[][] inv = new double[m][m];
        for (int j = 0; j < m; j++) {
            inv[j][j] = 1 / r[j][j];
            for (int i = j - 1; i >= 0; i--) {
                double v = 0;
                for (int p = i + 1; p <= j; p++) {
                    v += r[i][p] * inv[p][j];
                }
                inv[i][j] = -v / r[i][i];
            }
        }
        return inv;
    }
}
