package io.github.elbo4j.optim;

/**
 * Adagrad (Duchi, Hazan &amp; Singer, JMLR 12, 2011): {@code s ← s + g²},
 * {@code θ ← θ - η g / (√s + ε)}.
 */
public record Adagrad(double learningRate, double epsilon) implements Optimizer {

    /** Validates the settings. */
    public Adagrad {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adagrad learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adagrad epsilon must be > 0, got " + epsilon);
        }
    }

    /** Adagrad with ε = 1e-10. */
    public static Adagrad lr(double learningRate) {
        return new Adagrad(learningRate, 1e-10);
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
                s[i] += g[i] * g[i];
                x[i] -= lr * g[i] / (Math.sqrt(s[i]) + epsilon);
            }
        }
        state.advance();
    }
}
