package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.optim.DifferentiableFunction;
import io.github.elbo4j.tensor.Tensor;

/**
 * The Hessian of the negative ELBO {@code f(φ) = -ELBO(φ)} with fixed draws ({@link FixedDraws})
 * in a chosen set of the guide's unconstrained parameter coordinates, by central differences of the
 * exact reverse-mode gradient:
 * <pre>
 * H_ab ≈ (∂_b f(φ + h_a e_a) - ∂_b f(φ - h_a e_a)) / (2 h_a),   h_a = ε^{1/3} max(1, |φ_a|)
 * </pre>
 * symmetrized (Nocedal &amp; Wright 2006, sec. 8.1, eq. 8.7, with the step of eq. 8.6), at a cost of
 * {@code 2k} gradient evaluations for {@code k} coordinates; the other coordinates stay fixed.
 * The same rule as {@link LaplaceApproximation#negativeHessian} applied to the ELBO instead of the
 * log density.
 *
 * @param hessian  {@code H = -∇² ELBO}, symmetric, {@code [k, k]}
 * @param gradient {@code -∇ ELBO} at {@code φ} in the chosen coordinates, {@code [k]}
 */
public record ElboHessian(Tensor hessian, Tensor gradient) {

    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    /**
     * The Hessian at the parameters in {@code store} (not modified) in the flat coordinates
     * {@code coordinates} (indices into {@link ParameterStore#flat()}).
     *
     * @throws IllegalArgumentException if the objective or a gradient is not finite there
     */
    public static ElboHessian at(SviProgram program, ParameterStore store, FixedDraws fixed, int[] coordinates) {
        DifferentiableFunction f = DeterministicRun.negativeElbo(program, store, fixed);
        double[] x = store.flat();
        int n = x.length;
        int k = coordinates.length;
        double[] g0 = new double[n];
        double f0 = f.valueAndGradient(x, g0);
        if (!Double.isFinite(f0)) {
            throw new IllegalArgumentException("the ELBO with " + fixed.draws() + " fixed draws is not finite at the fitted parameters ("
                    + f0 + "): no Hessian");
        }
        double[] h = new double[k * k];
        double[] plus = new double[n];
        double[] minus = new double[n];
        for (int a = 0; a < k; a++) {
            int i = coordinates[a];
            double xi = x[i];
            double step = STEP * Math.max(1.0, Math.abs(xi));
            x[i] = xi + step;
            double fp = f.valueAndGradient(x, plus);
            x[i] = xi - step;
            double fm = f.valueAndGradient(x, minus);
            x[i] = xi;
            if (!Double.isFinite(fp) || !Double.isFinite(fm)) {
                throw new IllegalArgumentException("the ELBO is not finite within " + step + " of flat parameter coordinate " + i
                        + ": no Hessian by central differences");
            }
            for (int b = 0; b < k; b++) {
                h[a * k + b] = (plus[coordinates[b]] - minus[coordinates[b]]) / (2 * step);
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                double s = 0.5 * (h[a * k + b] + h[b * k + a]);
                h[a * k + b] = s;
                h[b * k + a] = s;
            }
        }
        double[] g = new double[k];
        for (int a = 0; a < k; a++) {
            g[a] = g0[coordinates[a]];
        }
        return new ElboHessian(Tensor.of(h, k, k), Tensor.of(g));
    }
}
