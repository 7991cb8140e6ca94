package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.math.SpecialFunctions;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The closed-form part of {@link LinearRegressionVi}: the factors {@code q(w) q(α) q(β)}, their
 * start, one coordinate-ascent sweep and the exact lower bound, all given the priors
 * {@code Gamma(a₀, b₀)} of the weight precisions (one shared or one per weight under ARD) and
 * {@code Gamma(c₀, d₀)} of the noise precision. The formulas are those of {@link LinearRegressionVi}'s
 * class documentation (the bound) and of {@link LinearRegressionVi#fit} (the sweep).
 */
final class LinearRegressionCoordinateAscent {

    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    private final double weightShape;
    private final double weightRate;
    private final double noiseShape;
    private final double noiseRate;
    private final boolean ard;

    LinearRegressionCoordinateAscent(double weightShape, double weightRate, double noiseShape, double noiseRate,
                                     boolean ard) {
        this.weightShape = weightShape;
        this.weightRate = weightRate;
        this.noiseShape = noiseShape;
        this.noiseRate = noiseRate;
        this.ard = ard;
    }

    /**
     * {@code q(w) = N(mean, cov)} (row-major {@code cov}, {@code log|cov|}), the weight precisions'
     * Gamma shapes and rates per group, {@code q(β)}, and {@code ‖y - X m_N‖² + tr(XᵀX S_N)}.
     */
    record Factors(double[] mean, double[] cov, double logDetCov, double[] shape, double[] rate,
            double noiseShape, double noiseRate, double squaredError) {
    }

    /** The start: the priors {@code q(α_g) = Gamma(a₀, b₀)}, {@code q(β) = Gamma(c₀, d₀)} and {@code q(w) = N(0, (b₀/a₀) I)}. */
    Factors initial(LinearRegressionData data) {
        int m = data.m();
        int groups = ard ? m : 1;
        double[] cov = LinearAlgebra.diagEmbed(Tensor.full(weightRate / weightShape, m)).toArray();
        return new Factors(new double[m], cov, m * Math.log(weightRate / weightShape),
                filled(groups, weightShape), filled(groups, weightRate), noiseShape, noiseRate,
                data.yy() + trace(data.gramValues(), cov));
    }

    /** {@code result}'s factors in the form {@link #elbo} reads, with {@code log|S_N|} and the expected squared error on {@code data}. */
    Factors of(LinearRegressionData data, LinearRegressionViResult result) {
        int groups = ard ? data.m() : 1;
        double[] mean = result.weightMean().toArray();
        double[] cov = result.weightCovariance().toArray();
        double logDetCov = LinearAlgebra.logDetFromCholesky(LinearAlgebra.cholesky(result.weightCovariance())).item();
        double squaredError = LinearRegressionData.squaredNorm(data.y().sub(data.x().matmul(result.weightMean())).toArray())
                + trace(data.gramValues(), cov);
        return new Factors(mean, cov, logDetCov, Arrays.copyOf(result.precisionShape().toArray(), groups),
                Arrays.copyOf(result.precisionRate().toArray(), groups), result.noiseShape(), result.noiseRate(), squaredError);
    }

    /** One CAVI sweep: q(w), then q(α), then q(β), as documented on {@link LinearRegressionVi#fit}. */
    Factors sweep(LinearRegressionData data, Factors q) {
        int m = data.m();
        double eBeta = q.noiseShape / q.noiseRate;
        double[] eAlpha = new double[m];
        for (int j = 0; j < m; j++) {
            eAlpha[j] = q.shape[ard ? j : 0] / q.rate[ard ? j : 0];
        }
        Tensor chol = LinearAlgebra.cholesky(LinearAlgebra.diagEmbed(Tensor.of(eAlpha)).add(data.gram().mul(eBeta)));
        Tensor meanT = LinearAlgebra.choleskySolve(chol, data.xty()).mul(eBeta);
        double[] mean = meanT.toArray();
        double[] cov = LinearAlgebra.choleskyInverse(chol).toArray();
        double logDetCov = -LinearAlgebra.logDetFromCholesky(chol).item();
        int groups = q.shape.length;
        double[] shape = new double[groups];
        double[] rate = new double[groups];
        for (int g = 0; g < groups; g++) {
            shape[g] = weightShape + (ard ? 0.5 : m / 2.0);
            rate[g] = weightRate + 0.5 * (ard ? secondMoment(mean, cov, g) : sumOfSecondMoments(mean, cov));
        }
        double squaredError = LinearRegressionData.squaredNorm(data.y().sub(data.x().matmul(meanT)).toArray())
                + trace(data.gramValues(), cov);
        return new Factors(mean, cov, logDetCov, shape, rate, noiseShape + data.n() / 2.0,
                noiseRate + 0.5 * squaredError, squaredError);
    }

    /** The lower bound of {@link LinearRegressionVi}'s class documentation at {@code q}. */
    double elbo(LinearRegressionData data, Factors q) {
        int m = data.m();
        double eLogBeta = SpecialFunctions.digamma(q.noiseShape) - Math.log(q.noiseRate);
        double eBeta = q.noiseShape / q.noiseRate;
        double total = data.n() / 2.0 * (eLogBeta - LOG_TWO_PI) - eBeta / 2 * q.squaredError
                + gammaLogPrior(noiseShape, noiseRate, eLogBeta, eBeta) + gammaEntropy(q.noiseShape, q.noiseRate)
                + 0.5 * q.logDetCov + m / 2.0 * (1 + LOG_TWO_PI);
        for (int g = 0; g < q.shape.length; g++) {
            double eLogAlpha = SpecialFunctions.digamma(q.shape[g]) - Math.log(q.rate[g]);
            double eAlpha = q.shape[g] / q.rate[g];
            int size = ard ? 1 : m;
            double moments = ard ? secondMoment(q.mean, q.cov, g) : sumOfSecondMoments(q.mean, q.cov);
            total += size / 2.0 * (eLogAlpha - LOG_TWO_PI) - eAlpha / 2 * moments
                    + gammaLogPrior(weightShape, weightRate, eLogAlpha, eAlpha) + gammaEntropy(q.shape[g], q.rate[g]);
        }
        return total;
    }

    /** What the stopping rule watches: {@code m_N}, {@code E[α_g]} and {@code E[β]}. */
    static double[] parameters(Factors q) {
        double[] p = Arrays.copyOf(q.mean, q.mean.length + q.shape.length + 1);
        for (int g = 0; g < q.shape.length; g++) {
            p[q.mean.length + g] = q.shape[g] / q.rate[g];
        }
        p[p.length - 1] = q.noiseShape / q.noiseRate;
        return p;
    }

    /** {@code E[log Gamma(t | a₀, b₀)] = a₀ log b₀ - log Γ(a₀) + (a₀ - 1) E[log t] - b₀ E[t]}. */
    private static double gammaLogPrior(double a0, double b0, double eLog, double e) {
        return a0 * Math.log(b0) - SpecialFunctions.lgamma(a0) + (a0 - 1) * eLog - b0 * e;
    }

    /** {@code H[Gamma(a, b)] = a - log b + log Γ(a) + (1 - a) ψ(a)} (Bishop 2006, PRML, eq. B.31). */
    private static double gammaEntropy(double a, double b) {
        return a - Math.log(b) + SpecialFunctions.lgamma(a) + (1 - a) * SpecialFunctions.digamma(a);
    }

    /** {@code E[w_j²] = m_j² + S_jj}. */
    private static double secondMoment(double[] mean, double[] cov, int j) {
        return mean[j] * mean[j] + cov[j * mean.length + j];
    }

    /** {@code E[wᵀw] = m_Nᵀm_N + tr S_N}. */
    private static double sumOfSecondMoments(double[] mean, double[] cov) {
        double s = 0;
        for (int j = 0; j < mean.length; j++) {
            s += secondMoment(mean, cov, j);
        }
        return s;
    }

    /** {@code tr(A S) = Σ_ij A_ij S_ji} for symmetric {@code A}, {@code S} stored row-major. */
    private static double trace(double[] a, double[] s) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i] * s[i];
        }
        return t;
    }

    private static double[] filled(int length, double value) {
        double[] a = new double[length];
        Arrays.fill(a, value);
        return a;
    }
}
