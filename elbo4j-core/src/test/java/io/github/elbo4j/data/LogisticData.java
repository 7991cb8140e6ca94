package io.github.elbo4j.data;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;

/** A logistic-regression data set drawn from a seed, and the same model written two ways. */
final class LogisticData {

    final int n;
    final int d;
    /** Rows {@code x_1..x_d, y}, row-major. */
    final double[] rows;

    LogisticData(int n, int d, long seed) {
        this.n = n;
        this.d = d;
        RandomStream rng = RandomStream.of(seed);
        double[] w = new double[d];
        rng.fillGaussian(w);
        double[] x = new double[d];
        rows = new double[n * (d + 1)];
        for (int i = 0; i < n; i++) {
            rng.fillGaussian(x);
            double l = 0;
            for (int j = 0; j < d; j++) {
                rows[i * (d + 1) + j] = x[j];
                l += x[j] * w[j];
            }
            rows[i * (d + 1) + d] = rng.nextDouble() < 1 / (1 + Math.exp(-l)) ? 1 : 0;
        }
    }

    /** The model with the likelihood on the tape (Bernoulli.ofLogits of a matrix product), as the benchmarks write it. */
    Model tensorModel() {
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * (d + 1), x, i * d, d);
            y[i] = rows[i * (d + 1) + d];
        }
        Var xt = Var.constant(Tensor.of(x, n, d).transpose());
        Tensor ys = Tensor.of(y);
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), ys));
        };
    }

    /** The tape's model on a uniform random minibatch of {@code batch} rows per run (the plate's own subsample). */
    Model tensorModel(int batch) {
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows, i * (d + 1), x, i * d, d);
            y[i] = rows[i * (d + 1) + d];
        }
        Tensor xs = Tensor.of(x, n, d);
        Tensor ys = Tensor.of(y);
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            m.plate("rows", n, batch, p -> {
                Var logits = w.reshape(-1, d).matmul(Var.constant(p.subsample(xs).transpose()));
                m.observe("y", Bernoulli.ofLogits(logits), p.subsample(ys));
            });
        };
    }

    /** The same model with the likelihood as a data term over a plate of {@code n} rows, {@code batch} per step. */
    Model dataTermModel(DataTerm term, int batch) {
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            m.plate("rows", n, batch, p -> m.factor("y", term.logLikelihood(p, w)));
        };
    }
}
