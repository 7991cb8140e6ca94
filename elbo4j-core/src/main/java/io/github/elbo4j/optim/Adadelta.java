package io.github.elbo4j.optim;

/**
 * Adadelta (Zeiler, arXiv:1212.5701, 2012, Algorithm 1): {@code s ← ρ s + (1-ρ) g²},
 * {@code Δ = -√(u + ε)/√(s + ε) · g}, {@code u ← ρ u + (1-ρ) Δ²}, {@code θ ← θ + η Δ}
 * (η = 1 in the paper).
 */
public record Adadelta(double learningRate, double rho, double epsilon) implements Optimizer {

    /** Validates the settings. */
    public Adadelta {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adadelta learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("Adadelta rho must be in [0, 1), got " + rho);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adadelta epsilon must be > 0, got " + epsilon);
        }
    }

    /** Adadelta with ρ = 0.9, ε = 1e-6 and learning rate 1, as in the paper. */
    public static Adadelta standard() {
        return new Adadelta(1.0, 0.9, 1e-6);
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return new OptimizerState(2, sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        double lr = learningRate * lrScale;
        for (int p = 0; p < params.length; p++) {
            double[] x = params[p];
            double[] g = grads[p];
            double[] s = state.slot(0, p);
            double[] u = state.slot(1, p);
            for (int i = 0; i < x.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                double delta = -Math.sqrt(u[i] + epsilon) / Math.sqrt(s[i] + epsilon) * g[i];
                u[i] = rho * u[i] + (1 - rho) * delta * delta;
                x[i] += lr * delta;
            }
        }
        state.advance();
    }
}
