package io.github.elbo4j.distribution.multivariate;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.kernel.NormalDensity;
import io.github.elbo4j.distribution.kernel.SampleRows;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The covariance {@code Σ} (batch {@code [B...]} of {@code d×d}) of a multivariate normal,
 * reduced to what its density, sampler, entropy and KL divergences need: {@code log det Σ}, the
 * quadratic form {@code vᵀ Σ⁻¹ v}, and a square root {@code S} with {@code Σ = S Sᵀ}. Three
 * representations: the Cholesky factor of {@code Σ} ({@link CholeskyCovariance}), the Cholesky
 * factor of the precision {@code Σ⁻¹} ({@link PrecisionCovariance}), and a low-rank plus diagonal
 * {@code W Wᵀ + diag(D)} ({@link LowRankCovariance}). None of them forms {@code Σ⁻¹}.
 */
interface GaussianCovariance {

    /** {@code log(2π)/2}. */
    double HALF_LOG_TWO_PI = NormalDensity.HALF_LOG_TWO_PI;

    /** The dimension {@code d}. */
    int dim();

    /** The batch shape {@code [B...]}. */
    int[] batchShape();

    /** {@code log det Σ}, shape {@code [B...]}. */
    Var logDet();

    /**
     * {@code r_mᵀ Σ⁻¹ r_m} for each row {@code r_m} of {@code rows} {@code [B'..., M, d]} (batch
     * axes broadcasting with {@code [B...]}), shape {@code [B''..., M]}.
     */
    Var inverseQuadraticRows(Var rows);

    /** Number of columns {@code m} of the square root {@link #root}. */
    int rootColumns();

    /** A square root {@code S} {@code [B..., d, m]} with {@code Σ = S Sᵀ}. */
    Var root();

    /** The rows {@code (S ε_m)ᵀ} for rows {@code ε_m} of {@code epsRows} {@code [B'..., M, m]}: shape {@code [B''..., M, d]}. */
    Var colorRows(Var epsRows);

    /** {@code Σ}, {@code [B..., d, d]}. */
    Var covariance();

    /** {@code Σ⁻¹}, {@code [B..., d, d]}. */
    Var precision();

    /** The lower Cholesky factor of {@code Σ}, {@code [B..., d, d]}. */
    Var scaleTril();

    /** The diagonal {@code Σ_ii}, {@code [B..., d]}. */
    Var variance();

    /** The same covariance broadcast to {@code batch}. */
    GaussianCovariance expand(int[] batch);

    /**
     * {@code log N(x; μ, Σ) = -½ (x - μ)ᵀ Σ⁻¹ (x - μ) - ½ log det Σ - (d/2) log 2π} (Bishop, PRML,
     * eq. 2.43) for {@code value} {@code [S..., B'..., d]}; shape {@code [S..., B''...]} with the
     * batch axes broadcast.
     */
    default Var logDensity(Var value, Var loc) {
        return normalize(mahalanobis(value.sub(loc)));
    }

    /** {@code -½ q - ½ log det Σ - (d/2) log 2π} for squared Mahalanobis distances {@code q}. */
    default Var normalize(Var mahalanobis) {
        return mahalanobis.mul(-0.5).sub(logDet().mul(0.5)).sub(dim() * HALF_LOG_TWO_PI);
    }

    /** {@code (x - μ)ᵀ Σ⁻¹ (x - μ)} for {@code diff = x - μ} {@code [S..., B'..., d]}, shape {@code [S..., B''...]}. */
    default Var mahalanobis(Var diff) {
        int[] full = Broadcasting.shape(diff.shape(), Broadcasting.concat(batchShape(), new int[] {dim()}));
        Var v = Arrays.equals(full, diff.shape()) ? diff : diff.broadcastTo(full);
        SampleRows layout = SampleRows.of(full, batchShape().length);
        return layout.fromScalars(inverseQuadraticRows(layout.toRows(v)));
    }

    /** {@code x = μ + S ε}, {@code ε ~ N(0, I_m)}: draws {@code [S..., B..., d]} (Bishop, PRML, sec. 11.1.1 and exercise 11.5). */
    default Var draw(Var loc, int[] batch, RandomStream rng, int[] sampleShape) {
        return drawWithNoise(loc, batch, rng, sampleShape).value();
    }

    /**
     * A draw ({@link #draw}) and the squared norm {@code ‖ε‖²} of each of its noise vectors, shape
     * {@code [S..., B...]}: for a square root ({@code rootColumns() == dim()}) that is the draw's
     * squared Mahalanobis distance, exactly, with no solve.
     */
    default NoisyDraw drawWithNoise(Var loc, int[] batch, RandomStream rng, int[] sampleShape) {
        int m = rootColumns();
        int[] rowShape = Broadcasting.concat(sampleShape, batch);
        int[] epsShape = Broadcasting.concat(rowShape, new int[] {m});
        double[] eps = new double[Broadcasting.size(epsShape)];
        rng.fillGaussian(eps);
        double[] norms = new double[eps.length / m];
        for (int r = 0; r < norms.length; r++) {
            double q = 0;
            for (int j = r * m; j < r * m + m; j++) {
                q += eps[j] * eps[j];
            }
            norms[r] = q;
        }
        SampleRows layout = SampleRows.of(epsShape, batch.length);
        Var colored = layout.fromRows(colorRows(layout.toRows(Var.constant(Tensor.of(eps, epsShape)))));
        return new NoisyDraw(loc.add(colored), Tensor.of(norms, rowShape));
    }

    /** A draw and the squared norms of its noise vectors. */
    record NoisyDraw(Var value, Tensor noiseNorms) {
    }

    /** {@code H = (d/2)(1 + log 2π) + ½ log det Σ} (Bishop, PRML, exercise 2.15 / eq. B.41). */
    default Var entropy(int[] batch) {
        return logDet().mul(0.5).add(dim() * (0.5 + HALF_LOG_TWO_PI)).broadcastTo(batch);
    }
}
