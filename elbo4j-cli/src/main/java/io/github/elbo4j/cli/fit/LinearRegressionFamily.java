package io.github.elbo4j.cli.fit;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.LogNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Bayesian linear regression: {@code w_j ~ N(0, 10²)}, intercept {@code b ~ N(0, 10²)},
 * {@code σ ~ LogNormal(0, 1)}, {@code y_i ~ N(x_iᵀw + b, σ²)}, with the rows in a plate. The
 * coefficients are reported under their columns' names.
 */
final class LinearRegressionFamily implements ModelFamily {

    static final String PRIORS = "w_j ~ N(0, 10^2), intercept b ~ N(0, 10^2), sigma ~ LogNormal(0, 1)";

    @Override
    public String name() {
        return "linreg";
    }

    @Override
    public String description() {
        return "Bayesian linear regression y ~ N(Xw + b, sigma^2), " + PRIORS;
    }

    /** The model for responses {@code y} and features {@code x} ({@code [n, d]}). */
    static Model model(Tensor x, Tensor y) {
        int d = x.dim(1);
        Var xt = Var.constant(x.transpose()); // transposed once, outside the step loop
        return m -> {
            Var w = m.sample("w", Normal.of(Tensor.zeros(d), Tensor.full(10.0, d)).toEvent(1));
            Var b = m.sample("b", Normal.of(0, 10));
            Var sigma = m.sample("sigma", LogNormal.of(0, 1));
            // [P, n] for P particles of w (shape [P, 1, d]) and b, sigma ([P, 1]); [1, n] for a single draw
            Var mean = w.reshape(-1, d).matmul(xt).add(b.reshape(-1, 1));
            m.plate("rows", y.size(), p -> m.observe("y", Normal.of(mean, sigma.reshape(-1, 1)), y));
        };
    }

    @Override
    public FitOutcome fit(Path file, FitOptions o, StepListener progress) {
        if (o.target() == null) {
            throw new BadInputException("linreg needs --target COLUMN (the response)");
        }
        CsvTable data = CsvTable.read(file, o.delimiter());
        Tensor y = data.column(o.target());
        List<String> features = data.features(o.features(), o.target());
        FeatureColumns.requireSpread(data, features, "beside the intercept a constant column is not identified");
        FeatureColumns.requireIndependent(data, features, "(the data identify only their combination, and the prior alone sets "
                + "the coefficients along it)");
        return SviFamilySupport.fit(name(), model(data.matrix(o.features(), o.target()), y), o, progress,
                SviFamilySupport.labels(features), Map.of("priors", PRIORS));
    }
}
