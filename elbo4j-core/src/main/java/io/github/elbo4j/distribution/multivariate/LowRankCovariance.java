package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * {@code Σ = W Wᵀ + diag(D)} with {@code W} {@code [B..., d, r]} and {@code D > 0}
 * {@code [B..., d]}, handled in {@code O(d r²)} through the {@code r×r} capacitance matrix
 * (the approach of PyTorch's {@code LowRankMultivariateNormal}; derivation below).
 *
 * <p>With {@code W̃ = D^{-1/2} W}, {@code Σ = D^{1/2} (I_d + W̃ W̃ᵀ) D^{1/2}}. Let
 * {@code C = I_r + W̃ᵀ W̃ = L_C L_Cᵀ} (the capacitance) and {@code K = L_C⁻¹ W̃ᵀ}
 * {@code [r, d]}, a triangular solve.
 * <ul>
 *   <li>Matrix determinant lemma, {@code det(I_d + A B) = det(I_r + B A)} (Harville, "Matrix
 *       Algebra From a Statistician's Perspective", 1997, thm. 18.1.1):
 *       {@code log det Σ = Σ_i log D_i + log det C = Σ_i log D_i + 2 Σ_j log (L_C)_jj}.</li>
 *   <li>Woodbury identity, {@code (I + W̃ W̃ᵀ)⁻¹ = I - W̃ C⁻¹ W̃ᵀ} (Woodbury 1950; Harville thm.
 *       18.2.8), and {@code W̃ C⁻¹ W̃ᵀ = Kᵀ K}: with {@code u = D^{-1/2} v},
 *       {@code vᵀ Σ⁻¹ v = ‖u‖² - ‖K u‖²}, and {@code Σ⁻¹ = D^{-1/2} (I - Kᵀ K) D^{-1/2}}.</li>
 *   <li>A square root with {@code r + d} columns: {@code S = [W, diag(√D)]}, so that
 *       {@code x = μ + W ε₁ + √D ⊙ ε₂} samples it.</li>
 * </ul>
 */
final class LowRankCovariance implements GaussianCovariance {

    private final Var factor;
    private final Var diag;
    private final int[] batch;
    private final int d;
    private final int rank;
    private final Var invSqrtDiag;
    private final Var capacitanceTril;
    private final Var whitenedFactorT;

    LowRankCovariance(Var factor, Var diag) {
        int[] fs = factor.shape();
        this.factor = factor;
        this.diag = diag;
        this.d = fs[fs.length - 2];
        this.rank = fs[fs.length - 1];
        this.batch = Broadcasting.shape(Arrays.copyOf(fs, fs.length - 2), Arrays.copyOf(diag.shape(), diag.shape().length - 1));
        this.invSqrtDiag = diag.sqrt().rdiv(1.0);
        Var wt = factor.mul(column(invSqrtDiag));
        Var capacitance = wt.transpose().matmul(wt).add(Tensor.eye(rank));
        this.capacitanceTril = capacitance.cholesky();
        this.whitenedFactorT = capacitanceTril.triangularSolve(wt.transpose(), true, false);
    }

    /** {@code [..., d] → [..., d, 1]}. */
    private static Var column(Var v) {
        return v.reshape(Broadcasting.concat(v.shape(), new int[] {1}));
    }

    /** {@code [..., d] → [..., 1, d]}. */
    private static Var row(Var v) {
        int[] s = v.shape();
        int[] out = Arrays.copyOf(s, s.length + 1);
        out[s.length - 1] = 1;
        out[s.length] = s[s.length - 1];
        return v.reshape(out);
    }

    Var factor() {
        return factor;
    }

    Var diag() {
        return diag;
    }

    @Override
    public int dim() {
        return d;
    }

    @Override
    public int[] batchShape() {
        return batch.clone();
    }

    /** {@code Σ_i log D_i + 2 Σ_j log (L_C)_jj} (matrix determinant lemma). */
    @Override
    public Var logDet() {
        return diag.log().sum(-1).add(capacitanceTril.logDetFromCholesky());
    }

    /** {@code ‖u‖² - ‖K u‖²} with {@code u = D^{-1/2} r} (Woodbury), per row. */
    @Override
    public Var inverseQuadraticRows(Var rows) {
        Var u = rows.mul(row(invSqrtDiag));
        return u.square().sum(-1).sub(u.matmul(whitenedFactorT.transpose()).square().sum(-1));
    }

    @Override
    public int rootColumns() {
        return rank + d;
    }

    /** {@code S = [W, diag(√D)]}. */
    @Override
    public Var root() {
        int[] fullD = Broadcasting.concat(batch, new int[] {d});
        int[] fullW = Broadcasting.concat(batch, new int[] {d, rank});
        return Var.concat(-1, factor.broadcastTo(fullW), diag.broadcastTo(fullD).sqrt().diagEmbed());
    }

    /** {@code (W ε₁ + √D ⊙ ε₂)ᵀ} per row, {@code ε = [ε₁, ε₂]}. */
    @Override
    public Var colorRows(Var epsRows) {
        Var e1 = epsRows.slice(-1, 0, rank);
        Var e2 = epsRows.slice(-1, rank, rank + d);
        return e1.matmul(factor.transpose()).add(e2.mul(row(diag.sqrt())));
    }

    /** {@code W Wᵀ + diag(D)}. */
    @Override
    public Var covariance() {
        return factor.matmul(factor.transpose()).add(diag.diagEmbed());
    }

    /** {@code D^{-1/2} (I - Kᵀ K) D^{-1/2}} (Woodbury). */
    @Override
    public Var precision() {
        Var kd = whitenedFactorT.mul(row(invSqrtDiag));
        return invSqrtDiag.square().diagEmbed().sub(kd.transpose().matmul(kd));
    }

    /** The Cholesky factor of {@link #covariance} ({@code O(d³)}). */
    @Override
    public Var scaleTril() {
        return covariance().cholesky();
    }

    /** {@code Σ_ii = Σ_k W_ik² + D_i}. */
    @Override
    public Var variance() {
        return factor.square().sum(-1).add(diag);
    }

    @Override
    public GaussianCovariance expand(int[] target) {
        return new LowRankCovariance(factor.broadcastTo(Broadcasting.concat(target, new int[] {d, rank})),
                diag.broadcastTo(Broadcasting.concat(target, new int[] {d})));
    }
}
