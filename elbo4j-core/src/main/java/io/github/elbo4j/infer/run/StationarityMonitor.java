package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.guide.GaussianMoments;
import java.util.Arrays;

/**
 * The running state of {@link Convergence.Stationary} over one fit: window sums of the ELBO and
 * of the parameters, the stage's best window, the windows since it, the decays done.
 */
final class StationarityMonitor {

    /** What the fit should do after a step. */
    enum Action { CONTINUE, DECAY, STOP }

    private final Convergence.Stationary rule;
    private final SviProgram program;
    private double[] sum;
    private double[] sumSq;
    private double elboSum;
    private double elboSq;
    private int count;
    private double best = Double.NEGATIVE_INFINITY;
    private int withoutImprovement;
    private int decaysDone;
    private double[] previousLocation;
    private double[] previousLogScale;
    private double[] lastAverage;
    private double lastDrift = Double.NaN;

    StationarityMonitor(Convergence.Stationary rule, SviProgram program) {
        this.rule = rule;
        this.program = program;
    }

    /** Feeds the ELBO estimate of a step and the parameters after it. */
    Action offer(double elbo, ParameterStore parameters) {
        double[] x = parameters.flat();
        if (sum == null) {
            sum = new double[x.length];
            sumSq = new double[x.length];
        }
        for (int i = 0; i < x.length; i++) {
            sum[i] += x[i];
            sumSq[i] += x[i] * x[i];
        }
        elboSum += elbo;
        elboSq += elbo * elbo;
        count++;
        if (count < rule.window()) {
            return Action.CONTINUE;
        }
        int w = count;
        double[] average = new double[x.length];
        double[] spread = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            average[i] = sum[i] / w;
            spread[i] = Math.sqrt(Math.max(0, sumSq[i] / w - average[i] * average[i]));
        }
        double elboMean = elboSum / w;
        double elboSe = Math.sqrt(Math.max(0, elboSq / w - elboMean * elboMean) / w);
        Arrays.fill(sum, 0);
        Arrays.fill(sumSq, 0);
        elboSum = 0;
        elboSq = 0;
        count = 0;
        lastAverage = average;
        boolean drifted = drifted(parameters, average, spread);

        if (elboMean > best + elboSe) {
            best = elboMean;
            withoutImprovement = 0;
            return Action.CONTINUE;
        }
        withoutImprovement++;
        if (withoutImprovement < rule.patience()) {
            return Action.CONTINUE;
        }
        if (decaysDone < rule.decays()) {
            decaysDone++;
            withoutImprovement = 0;
            best = Double.NEGATIVE_INFINITY;       // a smaller step size lowers the noise floor: a new stage
            return Action.DECAY;
        }
        return drifted ? Action.CONTINUE : Action.STOP;
    }

    /** The average of the parameters over the last complete window. */
    double[] lastAverage() {
        return lastAverage;
    }

    /** The largest drift between the last two window averages, in the monitored units ({@code NaN} before the second window). */
    double lastDrift() {
        return lastDrift;
    }

    /**
     * Whether a location moved more than the tolerance between the previous window average and
     * this one: for an automatic Gaussian guide, the unconstrained means in units of the marginal
     * sds, and the log marginal sds; otherwise the raw parameters in units of their spread over the
     * window (with a tolerance of at least one such unit).
     */
    private boolean drifted(ParameterStore parameters, double[] average, double[] spread) {
        double[] location;
        double[] logScale;
        double[] unit;
        double tolerance;
        if (program.autoGuide != null && !program.autoGuide.isPointMass() && program.autoGuide.isGaussian()) {
            ParameterStore averaged = parameters.copy();
            averaged.setFlat(average);
            GaussianMoments m = program.autoGuide.moments(averaged.values(), program.preconditioner);
            location = m.mean().toArray();
            unit = m.marginalSd().toArray();
            logScale = new double[unit.length];
            for (int i = 0; i < unit.length; i++) {
                logScale[i] = Math.log(unit[i]);
            }
            tolerance = rule.tolerance();
        } else {
            location = average;
            logScale = new double[0];
            unit = new double[spread.length];
            for (int i = 0; i < unit.length; i++) {
                unit[i] = Math.max(spread[i], 1e-12 * Math.max(1.0, Math.abs(average[i])));
            }
            tolerance = Math.max(1.0, rule.tolerance());
        }
        boolean drifted = true;
        if (previousLocation != null) {
            double drift = 0;
            for (int i = 0; i < location.length; i++) {
                drift = Math.max(drift, Math.abs(location[i] - previousLocation[i]) / unit[i]);
            }
            for (int i = 0; i < logScale.length; i++) {
                drift = Math.max(drift, Math.abs(logScale[i] - previousLogScale[i]));
            }
            lastDrift = drift;
            drifted = drift > tolerance;
        }
        previousLocation = location;
        previousLogScale = logScale;
        return drifted;
    }
}
