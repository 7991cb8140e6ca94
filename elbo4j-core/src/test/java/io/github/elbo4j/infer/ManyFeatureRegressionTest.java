package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's wrong answer: a 12-feature linear regression (2,000 rows, the command's model
 * {@code w_j ~ N(0, 10²)}, {@code b ~ N(0, 10²)}, {@code σ ~ LogNormal(0, 1)}) fitted with
 * mean-field, Adam(0.05), seed 42, 5,000 steps ended with {@code w[10]} 20 units (hundreds of
 * posterior sds) from least squares. Root cause: the guide started at a prior draw of the vector
 * site (w[10] = -34 at seed 42) instead of its median, and Adam's second-moment memory of the
 * huge first gradients made the way back take far longer than the budget. The data are generated
 * here; the exact posterior mean of w is the ridge solution {@code (XᵀX + σ²/100 I)⁻¹ Xᵀ(y - b)},
 * which for 2,000 standard-normal rows is least squares to 1e-5 posterior sds.
 */
class ManyFeatureRegressionTest {

    private static final int N = 2000;
    private static final int D = 12;

    private static Tensor[] data() {
        Random r = new Random(20261207);
        double[] x = new double[N * D];
        double[] y = new double[N];
        double[] w = new double[D];
        for (int j = 0; j < D; j++) {
            w[j] = r.nextGaussian();
        }
        for (int i = 0; i < N; i++) {
            double mean = 0.5;
            for (int j = 0; j < D; j++) {
                x[i * D + j] = r.nextGaussian();
                mean += x[i * D + j] * w[j];
            }
            y[i] = mean + 1.9 * r.nextGaussian();
        }
        return new Tensor[] {Tensor.of(x, N, D), Tensor.of(y)};
    }

    static Model model(Tensor x, Tensor y) {
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose());
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.full(10.0, d)).toEvent(1));
            Var b = m.sample("b", Normal.of(0, 10));
            Var sigma = m.sample("sigma", LogNormal.of(0, 1));
            Var mean = w.reshape(-1, d).matmul(xt).add(b.reshape(-1, 1));
            m.plate("rows", y.size(), p -> m.observe("y", Normal.of(mean, sigma.reshape(-1, 1)), y));
        };
    }

    /** Least squares with an intercept: coefficients (w, b) and the residual sd. */
    private static double[] leastSquares(Tensor x, Tensor y) {
        Tensor a = Tensor.ones(N, D + 1);
        double[] av = a.toArray();
        double[] xv = x.toArray();
        for (int i = 0; i < N; i++) {
            System.arraycopy(xv, i * D, av, i * (D + 1), D);
        }
        a = Tensor.of(av, N, D + 1);
        Tensor l = LinearAlgebra.cholesky(a.transpose().matmul(a));
        Tensor coef = LinearAlgebra.choleskySolve(l, a.transpose().matmul(y.reshape(N, 1))).reshape(D + 1);
        Tensor resid = y.sub(a.matmul(coef.reshape(D + 1, 1)).reshape(N));
        double[] out = new double[D + 2];
        System.arraycopy(coef.toArray(), 0, out, 0, D + 1);
        out[D + 1] = Math.sqrt(resid.square().sum().item() / (N - D - 1));
        return out;
    }

    private static void assertNearLeastSquares(Fit fit, double[] ls, double tolSd) {
        GuidePosterior q = (GuidePosterior) fit.posterior();
        double[] w = q.moments().orElseThrow().mean().toArray();
        double se = ls[D + 1] / Math.sqrt(N);                      // posterior sd of each coefficient (orthogonal design)
        for (int j = 0; j <= D; j++) {
            assertThat(Math.abs(w[j] - ls[j]) / se).as("coefficient %d: %s vs least squares %s", j, w[j], ls[j]).isLessThan(tolSd);
        }
        double sigma = Math.exp(w[D + 1]);
        assertThat(sigma / ls[D + 1]).as("sigma").isBetween(0.97, 1.03);
    }

    @Test
    void defaultSettingsMatchLeastSquaresToATenthOfAPosteriorSd() {
        Tensor[] xy = data();
        double[] ls = leastSquares(xy[0], xy[1]);
        Fit fit = Svi.builder(model(xy[0], xy[1])).seed(42).build().run();
        assertThat(fit.converged()).isTrue();
        assertNearLeastSquares(fit, ls, 0.1);
        assertThat(fit.verdict().isWarning()).as(fit.verdict().toString()).isFalse();
    }

    /**
     * The command's old settings, without the Laplace warm start, so that only the starting point
     * differs from the failing run: before the fix this ended 20 units off at w[10].
     */
    @Test
    void theCommandsAdamSettingsFromThePriorMedianReachTheAnswer() {
        Tensor[] xy = data();
        double[] ls = leastSquares(xy[0], xy[1]);
        Fit fit = Svi.builder(model(xy[0], xy[1])).guide(AutoGuide.meanField()).optimizer(Adam.lr(0.05)).maxSteps(5000)
                .warmStart(WarmStart.none()).seed(42).build().run();
        // Adam's iterates at the end of the stationarity rule (step size decayed to 0.0045, window average) wander by a
        // fraction of a posterior sd
        assertNearLeastSquares(fit, ls, 0.5);
    }
}
