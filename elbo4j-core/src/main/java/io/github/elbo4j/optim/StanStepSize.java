package io.github.elbo4j.optim;

/**
 * ADVI's adaptive step-size sequence (Kucukelbir et al., JMLR 18(14), 2017, eq. 10; Stan's
 * {@code vb}): {@code s_k = α g_k² + (1-α) s_{k-1}} (with {@code s_1 = g_1²}),
 * {@code ρ_k = η · k^{-1/2+ε} / (τ + √s_k)}, {@code θ ← θ - ρ_k g_k} for a loss to minimize;
 * {@code α = 0.1}, {@code τ = 1}, {@code ε = 1e-16}. The scale {@code η} is chosen by
 * {@link io.github.elbo4j.infer.Svi.Builder#adaptStepSize}.
 *
 * @param eta the step-size scale {@code η > 0}
 */
public record StanStepSize(double eta) implements Optimizer {

    /** Validates the scale. */
    public StanStepSize {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("StanStepSize eta must be finite and > 0, got " + eta);
        }
    }

    @Override
    public OptimizerState init(int[] sizes) {
        return new OptimizerState(1, sizes);
    }

    @Override
    public void update(double[][] params, double[][] grads, OptimizerState state, double lrScale) {
        long k = state.step() + 1;
        double decay = Math.pow(k, -0.5 + 1e-16);
        for (int p = 0; p < params.length; p++) {
            double[] x = params[p];
            double[] g = grads[p];
            double[] s = state.slot(0, p);
            for (int i = 0; i < x.length; i++) {
                s[i] = k == 1 ? g[i] * g[i] : 0.1 * g[i] * g[i] + 0.9 * s[i];
                x[i] -= lrScale * eta * decay / (1.0 + Math.sqrt(s[i])) * g[i];
            }
        }
        state.advance();
    }
}
