package io.github.elbo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Runs each benchmark body once at a tiny size and checks its result against arithmetic written
 * out here, so that a benchmark cannot silently measure nothing (a wrong product, a gradient that
 * is all zeros). No timing.
 */
class BenchmarkSmokeTest {

    @Test
    void matmulBelowTheBlasThresholdMatchesTheTripleLoop() {
        checkMatmul(8); // 512 multiply-adds: plain loop
    }

    @Test
    void matmulAboveTheBlasThresholdMatchesTheTripleLoop() {
        checkMatmul(17); // 4913 multiply-adds: BLAS dgemm
    }

    @Test
    void firstCallMatmulMatchesTheTripleLoop() {
        MatmulFirstCallBenchmark bench = new MatmulFirstCallBenchmark();
        bench.n = 17;
        bench.setup();
        assertThat(bench.firstMatmul().toArray())
                .containsExactly(tripleLoop(bench.a.toArray(), bench.b.toArray(), 17), within(1e-12));
    }

    @Test
    void tapeChainGradientsMatchTheHandWrittenChainRule() {
        int ops = 31;
        Gradients grads = TapeOverheadBenchmark.chainGradient(ops);
        double[] expected = handChainGradient(ops);
        assertThat(grads.get(0).item()).isCloseTo(expected[1], within(1e-14));
        assertThat(grads.get(1).item()).isCloseTo(expected[2], within(1e-14));
        assertThat(expected[2]).isNotZero();
    }

    @Test
    void tapeChainForwardRecordsEveryOperation() {
        Tape tape = new Tape();
        double y = TapeOverheadBenchmark.chain(tape.variable(TapeOverheadBenchmark.X0),
                tape.variable(TapeOverheadBenchmark.W), 31).item();
        assertThat(tape.size()).isEqualTo(2 + 31);
        assertThat(y).isCloseTo(handChainGradient(31)[0], within(1e-15));
    }

    @Test
    void fullLengthTapeChainStaysFinite() {
        Gradients grads = TapeOverheadBenchmark.chainGradient(TapeOverheadBenchmark.OPS);
        double[] expected = handChainGradient(TapeOverheadBenchmark.OPS);
        assertThat(grads.get(1).item()).isCloseTo(expected[2], within(1e-12)).isNotZero();
    }

    @Test
    void elementwiseTapeAndLoopAgreeWithTheProductRule() {
        ElementwiseBenchmark bench = new ElementwiseBenchmark();
        bench.size = 10;
        bench.setup();
        Tensor[] tape = bench.tape();
        double[][] loop = bench.loop();
        for (int i = 0; i < 10; i++) {
            double x = bench.xs[i];
            double w = bench.ws[i];
            double g = bench.gs[i];
            assertThat(tape[0].toArray()[i]).isEqualTo(x * w);
            assertThat(tape[1].toArray()[i]).isEqualTo(g * w);
            assertThat(tape[2].toArray()[i]).isEqualTo(g * x);
            assertThat(loop[0][i]).isEqualTo(x * w);
            assertThat(loop[1][i]).isEqualTo(g * w);
            assertThat(loop[2][i]).isEqualTo(g * x);
        }
        assertThat(bench.xs).doesNotContain(0.0);
    }

    private static void checkMatmul(int n) {
        MatmulBenchmark bench = new MatmulBenchmark();
        bench.n = n;
        bench.setup();
        Tensor c = bench.matmul();
        assertThat(c.shape()).containsExactly(n, n);
        assertThat(c.toArray()).containsExactly(tripleLoop(bench.a.toArray(), bench.b.toArray(), n), within(1e-12));
    }

    private static double[] tripleLoop(double[] a, double[] b, int n) {
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < n; p++) {
                    s += a[i * n + p] * b[p * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /**
     * The benchmark's chain by hand: forward keeping every intermediate, then the chain rule
     * backwards ({@code d(xw) = w dx + x dw}, {@code d(x + c) = dx}, {@code d sin x = cos x dx}).
     * Returns {@code {y, ∂y/∂x₀, ∂y/∂w}}.
     */
    private static double[] handChainGradient(int ops) {
        double w = TapeOverheadBenchmark.W;
        double[] xs = new double[ops + 1];
        xs[0] = TapeOverheadBenchmark.X0;
        for (int i = 0; i < ops; i++) {
            double x = xs[i];
            xs[i + 1] = switch (i % 3) {
                case 0 -> x * w;
                case 1 -> x + TapeOverheadBenchmark.SHIFT;
                default -> Math.sin(x);
            };
        }
        double dx = 1.0;
        double dw = 0.0;
        for (int i = ops - 1; i >= 0; i--) {
            switch (i % 3) {
                case 0 -> {
                    dw += dx * xs[i];
                    dx = dx * w;
                }
                case 1 -> { }
                default -> dx = dx * Math.cos(xs[i]);
            }
        }
        return new double[] {xs[ops], dx, dw};
    }

    @Test
    void sviStepFitMovesTheGuideTowardTheTrueWeights() {
        // 2000 rows, 3 features: the posterior mean is within a few 0.1 of the generating weights
        var model = SviStepBenchmark.model(2000, 3, 1);
        var fit = SviStepBenchmark.fit(model, 4, 400);
        double[] truth = new double[3];
        io.github.elbo4j.random.RandomStream.of(1).fillGaussian(truth);
        double[] loc = fit.parameter("auto_loc").toArray();
        for (int j = 0; j < 3; j++) {
            // posterior sd per weight ≈ 1 / sqrt(2000 · E[p(1-p)]) ≈ 0.06; 0.4 also covers the final Adam iterate's noise
            assertThat(loc[j]).isCloseTo(truth[j], within(0.4));
        }
        assertThat(fit.steps()).isEqualTo(400);
        assertThat(fit.finalElbo()).isFinite();
    }
}
