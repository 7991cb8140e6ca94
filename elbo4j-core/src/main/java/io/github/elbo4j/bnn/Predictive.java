package io.github.elbo4j.bnn;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The predictive distribution of a regression network at {@code N} inputs, from {@code S} draws of
 * the network function: {@code p(y | x) ≈ (1/S) Σ_s N(y | f_s(x), σ²)} with the noise sd {@code σ}.
 * Immutable.
 */
public final class Predictive {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private final Tensor draws;
    private final double noiseSd;

    private Predictive(Tensor draws, double noiseSd) {
        this.draws = draws;
        this.noiseSd = noiseSd;
    }

    /**
     * The predictive of draws {@code f} ({@code [S, N]}, {@code S >= 2}) with noise sd {@code noiseSd}.
     *
     * @throws IllegalArgumentException if {@code f} is not {@code [S, N]} with {@code S >= 2}, or
     *     {@code noiseSd} is not finite and {@code > 0}
     */
    public static Predictive of(Tensor draws, double noiseSd) {
        if (draws.shape().length != 2 || draws.dim(0) < 2) {
            throw new IllegalArgumentException("Predictive draws must have shape [S, N] with S >= 2, got "
                    + Arrays.toString(draws.shape()));
        }
        if (!(noiseSd > 0) || Double.isInfinite(noiseSd)) {
            throw new IllegalArgumentException("Predictive noiseSd must be finite and > 0, got " + noiseSd);
        }
        return new Predictive(draws, noiseSd);
    }

    /** The draws {@code f_s(x_n)}, {@code [S, N]}. */
    public Tensor draws() {
        return draws;
    }

    /** The noise sd {@code σ}. */
    public double noiseSd() {
        return noiseSd;
    }

    /** The predictive mean {@code (1/S) Σ_s f_s(x_n)}, {@code [N]}. */
    public Tensor mean() {
        return draws.mean(0);
    }

    /**
     * The epistemic sd, the spread of the function over weight draws:
     * {@code sqrt(Σ_s (f_s - f̄)² / (S - 1))}, {@code [N]}.
     */
    public Tensor epistemicSd() {
        int s = draws.dim(0);
        return draws.sub(draws.mean(0)).square().sum(0).div(s - 1.0).sqrt();
    }

    /** The total sd {@code sqrt(epistemic² + σ²)}, {@code [N]} (law of total variance). */
    public Tensor totalSd() {
        return epistemicSd().square().add(noiseSd * noiseSd).sqrt();
    }

    /**
     * The log predictive density of each target, {@code log (1/S) Σ_s N(y_n | f_s(x_n), σ²)}, by a
     * log-sum-exp over draws, {@code [N]}.
     *
     * @throws IllegalArgumentException if {@code y} is not {@code [N]}
     */
    public Tensor logPredictiveDensity(Tensor y) {
        checkTargets(y);
        Tensor z = draws.sub(y).div(noiseSd);
        return z.square().mul(-0.5).logSumExp(0).sub(Math.log(draws.dim(0)) + Math.log(noiseSd) + HALF_LOG_TWO_PI);
    }

    /** The mean of {@link #logPredictiveDensity} over the targets (the test log-likelihood per point). */
    public double averageLogPredictiveDensity(Tensor y) {
        return logPredictiveDensity(y).mean().item();
    }

    /**
     * The root mean squared error of the predictive mean, {@code sqrt((1/N) Σ_n (f̄_n - y_n)²)}.
     *
     * @throws IllegalArgumentException if {@code y} is not {@code [N]}
     */
    public double rmse(Tensor y) {
        checkTargets(y);
        return Math.sqrt(mean().sub(y).square().mean().item());
    }

    /**
     * The predictive of {@code a f + c} with noise sd {@code |a| σ}: the same model in other units (a
     * network fitted to standardised targets, mapped back by their sd {@code a} and mean {@code c}).
     *
     * @throws IllegalArgumentException if {@code a} is 0 or a value is not finite
     */
    public Predictive affine(double a, double c) {
        if (!(a != 0) || !Double.isFinite(a) || !Double.isFinite(c)) {
            throw new IllegalArgumentException("Predictive affine needs a finite a != 0 and a finite c, got a = " + a
                    + ", c = " + c);
        }
        return new Predictive(draws.mul(a).add(c), Math.abs(a) * noiseSd);
    }

    private void checkTargets(Tensor y) {
        if (y.shape().length != 1 || y.dim(0) != draws.dim(1)) {
            throw new IllegalArgumentException("Predictive targets must have shape [" + draws.dim(1) + "], got "
                    + Arrays.toString(y.shape()));
        }
    }

    @Override
    public String toString() {
        return "Predictive(" + draws.dim(0) + " draws at " + draws.dim(1) + " points, noise sd " + noiseSd + ")";
    }
}
