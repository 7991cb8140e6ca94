package io.github.elbo4j.optim;

/**
 * RMSprop (Tieleman &amp; Hinton, Coursera lecture 6.5, 2012): {@code s ← ρ s + (1-ρ) g²},
 * {@code θ ← θ - η g / (√s + ε)}.
 */
public record RmsProp(double learningRate, double rho, double epsilon) implements Optimizer {

    /** Validates the settings. */
    public RmsProp {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("RmsProp learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(rho >= 0 && rho < 1)) {
            throw new IllegalArgumentException("RmsProp rho must be in [0, 1), got " + rho);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("RmsProp epsilon must be > 0, got " + epsilon);
        }
    }

    /** RMSprop with ρ = 0.99, ε = 1e-8 (PyTorch's defaults). */
    public static RmsProp lr(double learningRate) {
        return new RmsProp(learningRate, 0.99, 1e-8);
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return new OptimizerState(1, sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        double lr = learningRate * lrScale;
        for (int p = 0; p < params.length; p++) {
            double[] x = params[p];
            double[] g = grads[p];
            double[] s = state.slot(0, p);
            for (int i = 0; i < x.length; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                x[i] -= lr * g[i] / (Math.sqrt(s[i]) + epsilon);
            }
        }
        state.advance();
    }
}
