package io.github.elbo4j.cli.fit;

import io.github.elbo4j.gp.GaussianLikelihood;
import io.github.elbo4j.gp.GpPrediction;
import io.github.elbo4j.gp.Kernel;
import io.github.elbo4j.gp.SquaredExponential;
import io.github.elbo4j.gp.Svgp;
import io.github.elbo4j.gp.SvgpFit;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Provenance;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.infer.StopReason;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sparse variational GP regression ({@code io.github.elbo4j.gp.Svgp}): {@code f ~ GP(0, k)} with a
 * squared exponential ARD kernel on the standardized features, {@code y = f(x) + N(0, σ²)} on the
 * standardized target, {@code m} inducing inputs started at a random subset of rows; inducing inputs,
 * lengthscales, signal and noise variance learned by minibatch SVI (Adam). {@code --steps} counts
 * epochs, {@code --components} sets {@code m}, {@code --batch-size} the minibatch. Reports the
 * hyperparameters in the data's units and, in {@code posterior.json}, the predictive mean and the
 * epistemic and total sds at every row. Converged when the mean minibatch ELBO of the last epoch
 * differs from the one before by less than 1% of its size (a stochastic fit has no sharper rule).
 */
final class GpFamily implements ModelFamily {

    static final double TOLERANCE = 0.01;

    @Override
    public String name() {
        return "gp";
    }

    @Override
    public String description() {
        return "Sparse variational GP regression, squared exponential ARD kernel, Gaussian noise, minibatch SVI";
    }

    @Override
    public long defaultSteps() {
        return 100;
    }

    @Override
    public FitOutcome fit(Path file, FitOptions o, StepListener progress) {
        if (o.target() == null) {
            throw new BadInputException("gp needs --target COLUMN (the response)");
        }
        if (o.steps() > Integer.MAX_VALUE) {
            throw new BadInputException("gp --steps (epochs) must be <= " + Integer.MAX_VALUE + ", got " + o.steps());
        }
        CsvTable data = CsvTable.read(file, o.delimiter());
        Tensor y = data.column(o.target());
        List<String> features = data.features(o.features(), o.target());
        Tensor x = data.matrix(o.features(), o.target());
        int n = x.dim(0);
        int d = x.dim(1);
        int m = o.components().orElse(Math.min(100, n));
        if (m > n) {
            throw new BadInputException("gp --components (inducing inputs) = " + m + " must be <= the " + n + " rows");
        }
        double[] xm = x.mean(0).toArray();
        double[] xs = x.sub(x.mean(0)).square().mean(0).sqrt().toArray();
        for (int j = 0; j < d; j++) {
            if (!(xs[j] > 0)) {
                throw new BadInputException("gp feature column '" + features.get(j) + "' is constant (" + xm[j]
                        + "): drop it with --features");
            }
        }
        double ym = y.mean().item();
        double ys = Math.sqrt(y.sub(ym).square().mean().item());
        if (!(ys > 0)) {
            throw new BadInputException("gp target column '" + o.target() + "' is constant (" + ym + ")");
        }
        Tensor xz = x.sub(Tensor.of(xm)).div(Tensor.of(xs));
        Tensor yz = y.sub(ym).div(ys);
        double[] ones = new double[d];
        Arrays.fill(ones, 1.0);
        Kernel kernel = SquaredExponential.of(1.0, ones);
        int[] rows = subset(n, m, RandomStream.of(o.seed()).split(1));
        int epochs = (int) o.steps();
        SvgpFit fit = Svgp.of(kernel, GaussianLikelihood.of(0.1), xz.indexSelect(0, rows))
                .withBatchSize(Math.min(o.batchSize(), n)).withEpochs(epochs)
                .withOptimizer(Adam.lr(o.learningRate().orElse(0.01)))
                .fit(xz, yz, o.seed());
        double[] trace = fit.elboTrace();
        double[] hyper = fit.kernel().constrainedParameters();
        double noise = ((GaussianLikelihood) fit.likelihood()).noiseVariance();
        List<FitOutcome.SummaryRow> summary = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            summary.add(point("lengthscale[" + features.get(j) + "]", hyper[j + 1] * xs[j]));
        }
        summary.add(point("signal variance", hyper[0] * ys * ys));
        summary.add(point("noise variance", noise * ys * ys));
        GpPrediction p = fit.predict(xz);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("prediction_mean", p.mean().mul(ys).add(ym));
        arrays.put("prediction_sd_f", p.latentVariance().sqrt().mul(ys));
        arrays.put("prediction_sd_y", p.variance().sqrt().mul(ys));
        arrays.put("inducing_inputs", fit.inducing().mul(Tensor.of(xs)).add(Tensor.of(xm)));
        int perEpoch = trace.length / epochs;
        double last = epochMean(trace, epochs - 1, perEpoch);
        double before = epochs > 1 ? epochMean(trace, epochs - 2, perEpoch) : Double.NaN;
        double change = Math.abs(last - before) / Math.max(1e-12, Math.abs(last));
        boolean converged = change < TOLERANCE;
        StopReason stop = converged ? StopReason.CONVERGED : StopReason.BUDGET;
        Diagnostics diagnostics = Diagnostics.notChecked("no Pareto k-hat for a sparse GP: q is over the whitened"
                + " inducing values v, and log p(y, v) needs all rows (the fit saw minibatches)");
        Map<String, Tensor> parameters = new LinkedHashMap<>();
        parameters.put("q_mean", fit.qMean());
        parameters.put("q_scale_tril", fit.qScaleTril());
        parameters.put("inducing_inputs_standardized", fit.inducing());
        parameters.put("kernel_unconstrained", fit.kernel().parameters());
        parameters.put("likelihood_unconstrained", fit.likelihood().parameters());
        Tensor s = fit.qScaleTril();
        FactorPosterior posterior = FactorPosterior.of(Map.of("v",
                FactorPosterior.Factor.multivariateNormal(fit.qMean(), s.matmul(s.transpose()))));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("method", "minibatch SVI (Adam)");
        settings.put("epochs", Integer.toString(epochs));
        settings.put("inducing inputs", Integer.toString(m));
        settings.put("minibatch", Integer.toString(Math.min(o.batchSize(), n)));
        settings.put("learning rate", Double.toString(o.learningRate().orElse(0.01)));
        Fit result = new Fit("sparse variational GP (Hensman et al. 2013), minibatch SVI with Adam", parameters,
                new ElboTrace(trace, ElboTrace.Kind.STOCHASTIC), stop, diagnostics,
                Verdict.of(stop, diagnostics, "raise --steps (epochs) or --lr"), Provenance.of(o.seed(), settings),
                posterior, Optional.empty(), List.of(String.format(Locale.ROOT, "convergence: the last epoch's mean"
                        + " minibatch ELBO changed by %s (rule: < %.2g)", epochs > 1 ? String.format(Locale.ROOT, "%.2g",
                        change) : "an unknown amount (one epoch)", TOLERANCE)));
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("epochs", Integer.toString(epochs));
        notes.put("inducing inputs", Integer.toString(m));
        notes.put("minibatch", Integer.toString(Math.min(o.batchSize(), n)));
        notes.put("ELBO per row (last epoch, standardized target)", String.format(Locale.ROOT, "%.4f", last / n));
        return FitOutcome.of(name(), result, summary, notes, arrays);
    }

    private static FitOutcome.SummaryRow point(String name, double value) {
        return new FitOutcome.SummaryRow(name, value, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    private static double epochMean(double[] trace, int epoch, int perEpoch) {
        double s = 0;
        for (int t = epoch * perEpoch; t < (epoch + 1) * perEpoch; t++) {
            s += trace[t];
        }
        return s / perEpoch;
    }

    /** {@code m} distinct rows of {@code 0..n-1} (a partial Fisher-Yates shuffle), ascending. */
    static int[] subset(int n, int m, RandomStream rng) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, m);
        Arrays.sort(out);
        return out;
    }
}
