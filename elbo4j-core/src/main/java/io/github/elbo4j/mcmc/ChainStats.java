package io.github.elbo4j.mcmc;

/**
 * What one chain did.
 *
 * @param stepSize             the step size after warm-up (dual averaging's {@code ε̄})
 * @param inverseMetricDiagonal the diagonal of the adapted inverse metric {@code M⁻¹} (the variances it learned)
 * @param divergences          sampling iterations whose trajectory had an energy error above 1000
 * @param treeDepthSaturations sampling iterations that stopped at the maximum tree depth
 * @param gradientEvaluations  log-density gradient evaluations, warm-up and step-size searches included
 * @param samplingGradientEvaluations those of the sampling iterations only (leapfrog steps)
 * @param meanAcceptStat       mean acceptance statistic of the sampling iterations
 * @param meanTreeDepth        mean tree depth of the sampling iterations
 */
public record ChainStats(double stepSize, double[] inverseMetricDiagonal, int divergences, int treeDepthSaturations,
                         long gradientEvaluations, long samplingGradientEvaluations, double meanAcceptStat,
                         double meanTreeDepth) {

    /** Copies the array. */
    public ChainStats {
        inverseMetricDiagonal = inverseMetricDiagonal.clone();
    }

    /** A copy of the diagonal of the adapted inverse metric. */
    @Override
    public double[] inverseMetricDiagonal() {
        return inverseMetricDiagonal.clone();
    }
}
