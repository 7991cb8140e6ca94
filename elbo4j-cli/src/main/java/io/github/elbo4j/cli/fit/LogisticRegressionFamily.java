package io.github.elbo4j.cli.fit;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bayesian logistic regression: {@code w_j ~ N(0, 1)}, intercept {@code b ~ N(0, 5²)},
 * {@code y_i ~ Bernoulli(σ(x_iᵀw + b))} with the rows in a plate (the peers' {@code logreg.stan}
 * plus an intercept). The coefficients are reported under their columns' names.
 */
final class LogisticRegressionFamily implements ModelFamily {

    static final String PRIORS = "w_j ~ N(0, 1), intercept b ~ N(0, 5^2)";

    @Override
    public String name() {
        return "logreg";
    }

    @Override
    public String description() {
        return "Bayesian logistic regression y ~ Bernoulli(sigmoid(Xw + b)), " + PRIORS;
    }

    /** The model for 0/1 responses {@code y} and features {@code x} ({@code [n, d]}). */
    static Model model(Tensor x, Tensor y) {
        int n = x.dim(0);
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose()); // transposed once, outside the step loop
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.ones(d)).toEvent(1));
            Var b = m.sample("b", Normal.of(0, 5));
            // [P, n] for P particles of w (shape [P, 1, d]) and b ([P, 1])
            Var logits = w.reshape(-1, d).matmul(xt).add(b.reshape(-1, 1));
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
        List<String> features = data.features(o.features(), o.target());
        FeatureColumns.requireSpread(data, features, "beside the intercept a constant column is not identified");
        FeatureColumns.requireIndependent(data, features, "(the data identify only their combination, and the prior alone sets "
                + "the coefficients along it)");
        return SviFamilySupport.fit(name(), model(data.matrix(o.features(), o.target()), y), o, progress,
                SviFamilySupport.labels(features), Map.of("priors", PRIORS));
    }
}
