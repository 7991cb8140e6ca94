package io.github.elbo4j.examples;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfNormal;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Random;

/**
 * A Bayesian linear regression fitted by stochastic variational inference: the model is a Java
 * lambda, the guide is chosen for you, and the fit prints a posterior summary.
 *
 * <pre>
 * slope, intercept ~ Normal(0, 10)
 * sigma            ~ HalfNormal(5)
 * y_i              ~ Normal(intercept + slope * x_i, sigma)     i = 1..100
 * </pre>
 */
public final class RegressionWithSvi {

    private RegressionWithSvi() {
    }

    /** Simulates 100 points with slope 1.5, intercept -0.5 and noise sd 0.3, fits, prints the summary. */
    public static void main(String[] args) {
        Random random = new Random(7);
        double[] x = new double[100];
        double[] y = new double[100];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
            y[i] = -0.5 + 1.5 * x[i] + 0.3 * random.nextGaussian();
        }
        Var xs = Var.constant(Tensor.of(x)); // data are constants: they never enter the gradient tape
        Tensor ys = Tensor.of(y);

        Model regression = m -> {
            Var slope = m.sample("slope", Normal.of(0, 10));
            Var intercept = m.sample("intercept", Normal.of(0, 10));
            Var sigma = m.sample("sigma", HalfNormal.of(5));
            Var mean = xs.mul(slope).add(intercept);
            m.plate("rows", x.length, p -> m.observe("y", Normal.of(mean, sigma), ys));
        };

        Fit fit = Svi.builder(regression).guide(AutoGuide.meanField()).seed(42).build().run();

        System.out.println(SiteSummary.HEADER);
        for (SiteSummary s : fit.summary()) {
            System.out.println(s);
        }
    }
}
