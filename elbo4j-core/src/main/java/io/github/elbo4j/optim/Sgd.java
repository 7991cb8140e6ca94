package io.github.elbo4j.optim;

/**
 * Stochastic gradient descent with optional (Nesterov) momentum: {@code v ← μ v + g},
 * {@code θ ← θ - η v}, or with Nesterov {@code θ ← θ - η (g + μ v)} (Sutskever et al., ICML
 * 2013, eq. 3-4, in the form PyTorch uses).
 */
public record Sgd(double learningRate, double momentum, boolean nesterov) implements Optimizer {

    /** Validates the settings. */
    public Sgd {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Sgd learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("Sgd momentum must be in [0, 1), got " + momentum);
        }
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Sgd nesterov needs momentum > 0, got " + momentum);
        }
    }

    /** Plain SGD. */
    public static Sgd lr(double learningRate) {
        return new Sgd(learningRate, 0.0, false);
    }

    /** The same with momentum {@code μ}. */
    public Sgd withMomentum(double mu) {
        return new Sgd(learningRate, mu, false);
    }

    /** The same with Nesterov momentum {@code μ}. */
    public Sgd withNesterov(double mu) {
        return new Sgd(learningRate, mu, true);
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
            double[] v = state.slot(0, p);
            for (int i = 0; i < x.length; i++) {
                if (momentum == 0) {
                    x[i] -= lr * g[i];
                } else {
                    v[i] = momentum * v[i] + g[i];
                    x[i] -= lr * (nesterov ? g[i] + momentum * v[i] : v[i]);
                }
            }
        }
        state.advance();
    }
}
