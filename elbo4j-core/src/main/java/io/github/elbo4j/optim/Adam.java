package io.github.elbo4j.optim;

/**
 * Adam (Kingma &amp; Ba, ICLR 2015, Algorithm 1): {@code m ← β₁m + (1-β₁)g},
 * {@code v ← β₂v + (1-β₂)g²}, {@code θ ← θ - η m̂ / (√v̂ + ε)} with bias corrections
 * {@code m̂ = m/(1-β₁ᵗ)}, {@code v̂ = v/(1-β₂ᵗ)}. With {@code weightDecay > 0} the decay is
 * decoupled, {@code θ ← θ - η λ θ} before the step (AdamW: Loshchilov &amp; Hutter, ICLR 2019,
 * Algorithm 2).
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) implements Optimizer {

    /** Validates the settings. */
    public Adam {
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("Adam learningRate must be finite and > 0, got " + learningRate);
        }
        if (!(beta1 >= 0 && beta1 < 1)) {
            throw new IllegalArgumentException("Adam beta1 must be in [0, 1), got " + beta1);
        }
        if (!(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam beta2 must be in [0, 1), got " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("Adam weightDecay must be >= 0, got " + weightDecay);
        }
    }

    /** Adam with the paper's defaults β₁ = 0.9, β₂ = 0.999, ε = 1e-8. */
    public static Adam lr(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, 0.0);
    }

    /** AdamW: Adam with decoupled weight decay {@code λ}. */
    public static Adam adamW(double learningRate, double weightDecay) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** The same with other moment decay rates. */
    public Adam withBetas(double b1, double b2) {
        return new Adam(learningRate, b1, b2, epsilon, weightDecay);
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return new OptimizerState(2, sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        long t = state.step() + 1;
        double lr = learningRate * lrScale;
        double c1 = 1.0 - Math.pow(beta1, t);
        double c2 = 1.0 - Math.pow(beta2, t);
        for (int p = 0; p < params.length; p++) {
            double[] x = params[p];
            double[] g = grads[p];
            double[] m = state.slot(0, p);
            double[] v = state.slot(1, p);
            for (int i = 0; i < x.length; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                if (weightDecay > 0) {
                    x[i] -= lr * weightDecay * x[i];
                }
                x[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
            }
        }
        state.advance();
    }
}
