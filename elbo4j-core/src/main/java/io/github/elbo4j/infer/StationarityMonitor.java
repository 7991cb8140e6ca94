package io.github.elbo4j.infer;

import io.github.elbo4j.infer.guide.GaussianMoments;

/**
 * The running state of {@link Convergence.Stationary} over one fit: window sums of the
 * parameters and of the ELBO, the previous window's averages, the stage.
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
    private double[] previousLocation;
    private double[] previousLogScale;
    private double previousElbo = Double.NaN;
    private double previousElboVar;
    private int decaysDone;
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
        double elboVar = Math.max(0, elboSq / w - elboMean * elboMean);
        java.util.Arrays.fill(sum, 0);
        java.util.Arrays.fill(sumSq, 0);
        elboSum = 0;
        elboSq = 0;
        count = 0;
        lastAverage = average;

        ParameterStore averaged = parameters.copy();
        averaged.setFlat(average);
        double[][] monitored = monitored(averaged, average, spread);
        boolean stationary = false;
        if (previousLocation != null) {
            double drift = 0;
            for (int i = 0; i < monitored[0].length; i++) {
                drift = Math.max(drift, Math.abs(monitored[0][i] - previousLocation[i]) / monitored[2][i]);
            }
            double scaleDrift = 0;
            for (int i = 0; i < monitored[1].length; i++) {
                scaleDrift = Math.max(scaleDrift, Math.abs(monitored[1][i] - previousLogScale[i]));
            }
            double rise = (elboMean - previousElbo) / Math.sqrt((elboVar + previousElboVar) / w + 1e-300);
            double limit = monitored[3][0];
            lastDrift = drift;
            stationary = drift <= limit && scaleDrift <= limit && rise <= 2.0;
        }
        previousLocation = monitored[0];
        previousLogScale = monitored[1];
        previousElbo = elboMean;
        previousElboVar = elboVar;
        if (!stationary) {
            return Action.CONTINUE;
        }
        if (decaysDone < rule.decays()) {
            decaysDone++;
            previousLocation = null;
            return Action.DECAY;
        }
        return Action.STOP;
    }

    /** The average of the parameters over the last complete window, if there was one. */
    double[] lastAverage() {
        return lastAverage;
    }

    /** The largest drift of the last comparison, in the monitored units ({@code NaN} before the first). */
    double lastDrift() {
        return lastDrift;
    }

    /**
     * {location, log scale, unit of location, {tolerance}}: for an automatic Gaussian guide the
     * unconstrained means in units of the marginal sds and the log marginal sds; otherwise the raw
     * parameters in units of their own spread over the window (with a tolerance of at least 1 such unit).
     */
    private double[][] monitored(ParameterStore averaged, double[] average, double[] spread) {
        if (program.autoGuide != null && !program.autoGuide.isPointMass()) {
            GaussianMoments m = program.autoGuide.moments(averaged.values(), program.preconditioner);
            double[] sd = m.marginalSd().toArray();
            double[] logSd = new double[sd.length];
            for (int i = 0; i < sd.length; i++) {
                logSd[i] = Math.log(sd[i]);
            }
            return new double[][] {m.mean().toArray(), logSd, sd, {rule.tolerance()}};
        }
        double[] unit = new double[spread.length];
        for (int i = 0; i < unit.length; i++) {
            unit[i] = Math.max(spread[i], 1e-12 * Math.max(1.0, Math.abs(average[i])));
        }
        return new double[][] {average, new double[0], unit, {Math.max(1.0, rule.tolerance())}};
    }
}
