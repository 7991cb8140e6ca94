package io.github.elbo4j.cavi.conjugate;

import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A fitted {@code q(w) q(α) q(β)} of {@link LinearRegressionVi}:
 * {@code q(w) = N(m_N, S_N)}, {@code q(α_j) = Gamma(a_j, b_j)} and {@code q(β) = Gamma(c_N, d_N)}
 * (rates), with the ELBO history.
 *
 * @param weightMean {@code m_N}, shape {@code [M]}
 * @param weightCovariance {@code S_N}, shape {@code [M, M]}
 * @param precisionShape the shapes {@code a_j} of the weight precisions' factors, {@code [M]};
 *     without ARD there is one factor and every entry holds its shape
 * @param precisionRate the rates {@code b_j}, {@code [M]}, shared likewise without ARD
 * @param noiseShape {@code c_N}, the shape of {@code q(β)}
 * @param noiseRate {@code d_N}, the rate of {@code q(β)}
 * @param ard whether each weight has its own precision
 * @param elboTrace the exact ELBO before and after each sweep
 * @param converged whether the stopping rule held before the sweep limit
 */
public record LinearRegressionViResult(Tensor weightMean, Tensor weightCovariance, Tensor precisionShape,
        Tensor precisionRate, double noiseShape, double noiseRate, boolean ard, ElboTrace elboTrace, boolean converged) {

    /**
     * @throws IllegalArgumentException unless {@code weightMean} is {@code [M]} and
     *     {@code weightCovariance} {@code [M, M]}, {@code precisionShape} and {@code precisionRate}
     *     {@code [M]}, e.g. {@code LinearRegressionViResult weightCovariance must have shape [3, 3], got [2, 2]}
     */
    public LinearRegressionViResult {
        if (weightMean.rank() != 1) {
            throw new IllegalArgumentException("LinearRegressionViResult weightMean must have shape [M], got "
                    + Arrays.toString(weightMean.shape()));
        }
        int m = weightMean.dim(0);
        requireShape("weightCovariance", weightCovariance, m, m);
        requireShape("precisionShape", precisionShape, m);
        requireShape("precisionRate", precisionRate, m);
    }

    /** {@code E[α_j] = a_j / b_j}, shape {@code [M]} (Bishop 2006, PRML, eq. B.27). */
    public Tensor expectedWeightPrecision() {
        return precisionShape.div(precisionRate);
    }

    /** {@code E[β] = c_N / d_N} (Bishop 2006, PRML, eq. B.27). */
    public double expectedNoisePrecision() {
        return noiseShape / noiseRate;
    }

    /**
     * The predictive distribution at the rows {@code φ_i} of {@code x} {@code [K, M]}: Bishop's
     * variational predictive (PRML eqs. 10.105-10.106) with the noise precision at its variational
     * mean,
     * <pre>
     * p(y* | φ) ≈ N(y* | m_Nᵀ φ, 1/E[β] + φᵀ S_N φ)
     * </pre>
     * Integrating {@code w} over {@code q(w)} is exact; integrating {@code β} over
     * {@code q(β) = Gamma(c_N, d_N)} as well would give a scale mixture (a Student-t with
     * {@code 2c_N} degrees of freedom when {@code S_N} is negligible), which this Gaussian
     * approximates. Its variance, {@code E[1/β] + φᵀS_Nφ = d_N/(c_N - 1) + φᵀS_Nφ}, exceeds the
     * one here by {@code d_N / (c_N (c_N - 1))}, a relative {@code 1/(c_N - 1) ≈ 2/N} of the noise
     * term.
     *
     * @throws IllegalArgumentException if {@code x} is not {@code [K, M]} or holds a non-finite value
     */
    public LinearRegressionViPrediction predict(Tensor x) {
        int m = weightMean.dim(0);
        int[] shape = x.shape();
        if (shape.length != 2 || shape[1] != m) {
            throw new IllegalArgumentException("LinearRegressionViResult x must have shape [K, " + m + "], got "
                    + Arrays.toString(shape));
        }
        LinearRegressionData.requireFinite("LinearRegressionViResult", "x", x);
        Tensor mean = x.matmul(weightMean);
        Tensor variance = x.matmul(weightCovariance).mul(x).sum(1).add(1 / expectedNoisePrecision());
        return new LinearRegressionViPrediction(mean, variance);
    }

    /** The fitted variational parameters by their names here, for {@link LinearRegressionVi#toFit}. */
    Map<String, Tensor> parametersByName() {
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("weightMean", weightMean);
        parameters.put("weightCovariance", weightCovariance);
        parameters.put("precisionShape", precisionShape);
        parameters.put("precisionRate", precisionRate);
        parameters.put("noiseShape", Tensor.scalar(noiseShape));
        parameters.put("noiseRate", Tensor.scalar(noiseRate));
        return parameters;
    }

    /**
     * {@code q} as factors named after the sites of {@link LinearRegressionVi#model}:
     * {@code alpha: Gamma(a, b)} ({@code [M]} with ARD, else the one shared factor as a scalar),
     * {@code w: MultivariateNormal(m_N, S_N)}, {@code beta: Gamma(c_N, d_N)} (rates).
     */
    FactorPosterior factorPosterior() {
        Map<String, FactorPosterior.Factor> factors = new LinkedHashMap<>();
        factors.put("alpha", ard ? FactorPosterior.Factor.gamma(precisionShape, precisionRate)
                : FactorPosterior.Factor.gamma(Tensor.scalar(precisionShape.get(0)), Tensor.scalar(precisionRate.get(0))));
        factors.put("w", FactorPosterior.Factor.multivariateNormal(weightMean, weightCovariance));
        factors.put("beta", FactorPosterior.Factor.gamma(Tensor.scalar(noiseShape), Tensor.scalar(noiseRate)));
        return FactorPosterior.of(factors);
    }

    private static void requireShape(String name, Tensor t, int... shape) {
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("LinearRegressionViResult " + name + " must have shape "
                    + Arrays.toString(shape) + ", got " + Arrays.toString(t.shape()));
        }
    }

    /** The number of sweeps run: the trace holds the initial ELBO, then one value per sweep. */
    public int sweeps() {
        return elboTrace.length() - 1;
    }
}
