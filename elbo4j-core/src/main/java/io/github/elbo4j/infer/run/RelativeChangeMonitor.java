package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.Convergence;
import java.util.Arrays;

/** The running state of {@link Convergence.RelativeChange} over one fit. */
final class RelativeChangeMonitor {

    private final Convergence.RelativeChange rule;
    private final double[] changes;
    private int stored;
    private double sum;
    private int count;
    private double previousMean = Double.NaN;

    RelativeChangeMonitor(Convergence.RelativeChange rule) {
        this.rule = rule;
        this.changes = new double[rule.window()];
    }

    /** Feeds one step's ELBO; true when the rule says the fit has converged. */
    boolean offer(double elbo) {
        sum += elbo;
        count++;
        if (count < rule.evalEvery()) {
            return false;
        }
        double mean = sum / count;
        sum = 0;
        count = 0;
        if (Double.isNaN(previousMean)) {
            previousMean = mean;
            return false;
        }
        double change = Math.abs((mean - previousMean) / mean);
        previousMean = mean;
        changes[stored % changes.length] = change;
        stored++;
        int n = Math.min(stored, changes.length);
        double[] recent = Arrays.copyOf(changes, n);
        double avg = Arrays.stream(recent).sum() / n;
        Arrays.sort(recent);
        double median = n % 2 == 1 ? recent[n / 2] : 0.5 * (recent[n / 2 - 1] + recent[n / 2]);
        return avg < rule.tolerance() || median < rule.tolerance();
    }
}
