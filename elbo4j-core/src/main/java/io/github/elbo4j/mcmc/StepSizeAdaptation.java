package io.github.elbo4j.mcmc;

/**
 * Nesterov dual averaging of the log step size towards a target acceptance statistic {@code δ}
 * (Hoffman &amp; Gelman 2014, JMLR 15, section 3.2.1, algorithm 5), with Stan's constants
 * {@code γ = 0.05}, {@code t₀ = 10}, {@code κ = 0.75}: after iteration {@code m} with statistic
 * {@code α_m} (capped at 1)
 * <pre>
 * H̄_m = (1 - 1/(m + t₀)) H̄_{m-1} + (δ - α_m)/(m + t₀)
 * log ε_m = μ - √m / γ · H̄_m
 * log ε̄_m = m^{-κ} log ε_m + (1 - m^{-κ}) log ε̄_{m-1}
 * </pre>
 * with {@code μ = log(10 ε₀)}; warm-up ends at {@code ε̄}. Mutable, one chain's.
 */
final class StepSizeAdaptation {

    static final double GAMMA = 0.05;
    static final double T0 = 10;
    static final double KAPPA = 0.75;

    private final double delta;
    private double mu;
    private long counter;
    private double sBar;
    private double xBar;

    StepSizeAdaptation(double delta) {
        this.delta = delta;
    }

    /** Sets {@code μ}, the point the log step size is shrunk towards. */
    void setMu(double mu) {
        this.mu = mu;
    }

    /** Starts the averages over (at each metric update). */
    void restart() {
        counter = 0;
        sBar = 0;
        xBar = 0;
    }

    /** One update from acceptance statistic {@code acceptStat}; returns the next step size {@code ε_m}. */
    double learn(double acceptStat) {
        counter++;
        double alpha = Math.min(acceptStat, 1.0);
        double eta = 1.0 / (counter + T0);
        sBar = (1.0 - eta) * sBar + eta * (delta - alpha);
        double x = mu - sBar * Math.sqrt(counter) / GAMMA;
        double xEta = Math.pow(counter, -KAPPA);
        xBar = (1.0 - xEta) * xBar + xEta * x;
        return Math.exp(x);
    }

    /** The step size after warm-up, {@code ε̄ = exp(log ε̄_m)}. */
    double finalStepSize() {
        return Math.exp(xBar);
    }
}
