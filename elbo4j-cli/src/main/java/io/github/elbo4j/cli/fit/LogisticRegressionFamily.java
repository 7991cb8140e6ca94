package io.github.elbo4j.cli.fit;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Bernoulli;
import io.github.elbo4j.distribution.Normal;
import io.github.elbo4j.infer.StepListener;
import java.nio.file.Path;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * Bayesian logistic regression by SVI (ADVI): {@code w_j ~ N(0, 1)}, {@code y_i ~ Bernoulli(σ(x_iᵀw))}
 * with the rows in a plate and no intercept (add a column of ones for one), as the peers'
 * {@code logreg.stan} and {@code torch_advi_logreg.py}.
 */
final class LogisticRegressionFamily implements ModelFamily {

    @Override
    public String name() {
        return "logreg";
    }

    @Override
    public String description() {
        return "Bayesian logistic regression y ~ Bernoulli(sigmoid(Xw)), w ~ N(0, I), fitted by SVI";
    }

    /** The model for 0/1 responses {@code y} and features {@code x} ({@code [n, d]}). */
    static Model model(Tensor x, Tensor y) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose()); // transposed once, outside the step loop
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            // [P, n] for P particles of w (shape [P, 1, d]), [1, n] for a single draw
            Var logits = w.reshape(-1, d).matmul(xt);
            m.plate("rows", n, p -> m.observe("y", Bernoulli.ofLogits(logits), y));
        };
    }

    @Override
    public FitOutcome fit(Path file, FitOptions o, StepListener progress) {
        if (o.target() == null) {
            throw new BadInputException("logreg needs --target COLUMN (the 0/1 response)");
        }
        CsvTable data = CsvTable.read(file, o.delimiter());
        data.requireEach(o.target(), v -> v == 0 || v == 1, "(the logreg response) must be 0 or 1");
        Tensor y = data.column(o.target());
        return SviFamilySupport.fit(name(), model(data.matrix(o.features(), o.target()), y), o, progress);
    }
}
