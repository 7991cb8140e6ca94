package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * A fitted sparse variational GP: kernel and likelihood (with their fitted hyperparameters), the
 * inducing inputs {@code Z} and the whitened variational distribution {@code q(v) = N(m, S Sᵀ)}
 * (see {@link Svgp} for the model). Predictions and densities are computed in chunks of
 * {@value #CHUNK} inputs, so their memory is {@code O(m² + m·chunk)} for any number of inputs.
 */
public final class SvgpFit {

    static final int CHUNK = 2048;

    private final Kernel kernel;
    private final Likelihood likelihood;
    private final Tensor inducing;
    private final Tensor qMean;
    private final Tensor qScaleTril;
    private final double jitter;
    private final double[] elboTrace;

    SvgpFit(Kernel kernel, Likelihood likelihood, Tensor inducing, Tensor qMean, Tensor qScaleTril, double jitter,
            double[] elboTrace) {
        this.kernel = kernel;
        this.likelihood = likelihood;
        this.inducing = inducing;
        this.qMean = qMean;
        this.qScaleTril = qScaleTril;
        this.jitter = jitter;
        this.elboTrace = elboTrace;
    }

    /**
     * A fit with the given variational parameters, e.g. the optimal ones of
     * {@link SparseGpRegression#whitenedMean()} and {@link SparseGpRegression#whitenedScaleTril()}.
     *
     * @throws IllegalArgumentException if {@code qMean} is not {@code [m]} or {@code qScaleTril} not
     *     {@code [m, m]} for the {@code m} rows of {@code inducing}
     */
    public static SvgpFit of(Kernel kernel, Likelihood likelihood, Tensor inducing, Tensor qMean, Tensor qScaleTril,
            double jitter) {
        int m = inducing.rank() == 2 ? inducing.dim(0) : -1;
        Svgp.checkInducing("SvgpFit", inducing, inducing.rank() == 2 ? inducing.dim(1) : 0, kernel);
        if (qMean.rank() != 1 || qMean.dim(0) != m) {
            throw new IllegalArgumentException("SvgpFit qMean must have shape [" + m + "], got "
                    + Arrays.toString(qMean.shape()));
        }
        if (qScaleTril.rank() != 2 || qScaleTril.dim(0) != m || qScaleTril.dim(1) != m) {
            throw new IllegalArgumentException("SvgpFit qScaleTril must have shape [" + m + ", " + m + "], got "
                    + Arrays.toString(qScaleTril.shape()));
        }
        return new SvgpFit(kernel, likelihood, inducing, qMean, qScaleTril, Jitter.check("SvgpFit", jitter),
                new double[0]);
    }

    /** The predictive distribution at {@code xs} ({@code [n, d]}): latent (epistemic) and total. */
    public GpPrediction predict(Tensor xs) {
        Tensor[] q = latent(xs);
        return likelihood.predict(q[0], q[1]);
    }

    /** Per point {@code log ∫ p(y_i | f) q(f_i) df}, {@code [n]}: the held-out log predictive density. */
    public Tensor logPredictiveDensity(Tensor xs, Tensor ys) {
        ExactGp.checkData("SvgpFit.logPredictiveDensity", xs, ys);
        likelihood.checkTargets(ys);
        Tensor[] q = latent(xs);
        return likelihood.logPredictiveDensity(q[0], q[1], ys);
    }

    /**
     * The full-data ELBO {@code Σ_n E_q[log p(y_n | f_n)] - KL(q(v) || N(0, I))} (no minibatch
     * noise), summed over chunks.
     */
    public double elbo(Tensor x, Tensor y) {
        ExactGp.checkData("SvgpFit.elbo", x, y);
        likelihood.checkTargets(y);
        Var lu = Var.constant(likelihood.parameters());
        double sum = 0;
        for (int start = 0; start < x.dim(0); start += CHUNK) {
            int end = Math.min(x.dim(0), start + CHUNK);
            Tensor[] q = latent(x.slice(0, start, end));
            sum += likelihood.expectedLogLikelihood(lu, Var.constant(q[0]), Var.constant(q[1]),
                    y.slice(0, start, end)).sum().item();
        }
        return sum - SvgpObjective.kl(Var.constant(qMean), Var.constant(qScaleTril)).item();
    }

    /** {@code [mean, variance]} of {@code q(f)} at {@code xs}, in chunks. */
    private Tensor[] latent(Tensor xs) {
        if (xs.rank() != 2) {
            throw new IllegalArgumentException("SvgpFit inputs must have shape [n, d], got " + Arrays.toString(xs.shape()));
        }
        Svgp.checkInducing("SvgpFit", inducing, xs.dim(1), kernel);
        int n = xs.dim(0);
        double[] mean = new double[n];
        double[] var = new double[n];
        Var ku = Var.constant(kernel.parameters());
        for (int start = 0; start < n; start += CHUNK) {
            int end = Math.min(n, start + CHUNK);
            Var[] q = SvgpObjective.marginals(kernel, ku, Var.constant(inducing), Var.constant(qMean),
                    Var.constant(qScaleTril), Var.constant(xs.slice(0, start, end)), jitter);
            System.arraycopy(q[0].value().toArray(), 0, mean, start, end - start);
            System.arraycopy(q[1].value().toArray(), 0, var, start, end - start);
        }
        return new Tensor[] {Tensor.of(mean), Tensor.of(var)};
    }

    /** The kernel with its fitted hyperparameters. */
    public Kernel kernel() {
        return kernel;
    }

    /** The likelihood with its fitted hyperparameters. */
    public Likelihood likelihood() {
        return likelihood;
    }

    /** The inducing inputs {@code Z}, {@code [m, d]}. */
    public Tensor inducing() {
        return inducing;
    }

    /** The whitened variational mean {@code m}, {@code [m]}. */
    public Tensor qMean() {
        return qMean;
    }

    /** The lower-triangular {@code S} of {@code q(v) = N(m, S Sᵀ)}, {@code [m, m]}. */
    public Tensor qScaleTril() {
        return qScaleTril;
    }

    /** The minibatch ELBO estimate of every optimizer step (empty for {@link #of}). */
    public double[] elboTrace() {
        return elboTrace.clone();
    }
}
