package io.github.elbo4j.infer;

import io.github.elbo4j.diagnostics.ParetoSmoothedWeights;
import io.github.elbo4j.diagnostics.Psis;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Optional;

/**
 * Whether a Gaussian guide's marginal of a scalar latent is too narrow, by importance sampling from
 * a proposal that is wider than {@code q} along that latent only. Importance sampling from
 * {@code q} itself cannot see mass that {@code q} does not reach: full rank on a hierarchical
 * logistic regression had the group scale's sd at 0.55 of NUTS's while its weights moved that sd by
 * a factor 1.13 and {@code k̂} read 0.45 (low rank). Here the proposal for latent {@code j} is the
 * defensive mixture (Hesterberg, Technometrics 37(2), 1995)
 * <pre>
 * g_j = ½ q + ½ q_j,   q_j(u) = N(u_j; μ_j, c² Σ_jj) q(u_{-j} | u_j),   c = {@value #WIDENING}
 * </pre>
 * ({@code q_j} widens u_j's marginal by {@code c} and keeps q's conditional of the other
 * coordinates; a draw of {@code q_j} is {@code u + (c - 1)(u_j - μ_j) Σ_{:j} / Σ_jj} with
 * {@code u ~ q}), half of the draws from each component (Owen &amp; Zhou, JASA 95(449), 2000, sec. 2:
 * the deterministic-mixture weights {@code p / g_j}), and
 * <pre>
 * g_j(u) / q(u) = ½ + ½ N(u_j; μ_j, c² Σ_jj) / N(u_j; μ_j, Σ_jj)
 * </pre>
 * depends on {@code u_j} alone. The Pareto-smoothed, self-normalized weights give the posterior's
 * sd of the latent in constrained space; {@link #factor} is that over the sd of q's own draws. On
 * the accuracy suite's posteriors (NUTS references) the factor tracked the true one where q was
 * close (0.95-1.12 against 0.93-1.16) and read 1.36 for the low-rank fit above (true 1.64); where
 * q is far off it underestimates (2.0-2.4 on Neal's funnel, true 6.3-6.7), so it is a lower bound.
 *
 * @param site           the scalar latent with the largest factor
 * @param factor         its importance-weighted sd over q's sd
 * @param sd             q's sd of the latent (constrained space, from the q half of the draws)
 * @param weightedSd     the importance-weighted sd
 * @param effectiveDraws the importance ESS of the weights {@code 1 / Σ w̃²}
 */
public record MarginalWidth(String site, double factor, double sd, double weightedSd, double effectiveDraws) {

    /** How much wider than q the proposal's second component is along the checked latent. */
    public static final double WIDENING = 2.0;

    /** An ESS below which a site's weighted sd is not read. */
    static final double MIN_ESS = 30;

    /** Draws per model run, so memory stays at this many runs of the model. */
    private static final int CHUNK = 250;

    /**
     * The scalar latent (among the first {@code maxSites} in model order) whose weighted sd exceeds
     * q's by the largest factor, with {@code draws} draws per site; empty when q's scale is not
     * finite or no site has {@value #MIN_ESS} effective draws.
     */
    public static Optional<MarginalWidth> largest(LogDensity density, GaussianMoments q, RandomStream rng, int draws, int maxSites) {
        return bySite(density, q, rng, draws, maxSites).stream().max(java.util.Comparator.comparingDouble(MarginalWidth::factor));
    }

    /**
     * The check of each of the first {@code maxSites} scalar latents in model order (site {@code s}
     * with the stream {@code rng.split(offset of s)}), leaving out those with fewer than
     * {@value #MIN_ESS} effective draws or no spread under q; empty when q's scale is not finite.
     *
     * @throws IllegalArgumentException if {@code draws} is odd or below 2
     */
    public static java.util.List<MarginalWidth> bySite(LogDensity density, GaussianMoments q, RandomStream rng, int draws, int maxSites) {
        if (draws < 2 || draws % 2 != 0) {
            throw new IllegalArgumentException("MarginalWidth draws must be even and >= 2 (half from q, half widened), got " + draws);
        }
        java.util.List<MarginalWidth> sites = new java.util.ArrayList<>();
        if (!q.scaleTril().allFinite()) {
            return sites;
        }
        int checked = 0;
        for (LatentLayout.Entry e : density.layout().entries()) {
            if (e.size() != 1 || e.shape().length != 0 || checked == maxSites) {
                continue;
            }
            checked++;
            MarginalWidth m = ofSite(density, q, e, rng.split(e.offset()), draws);
            if (m != null) {
                sites.add(m);
            }
        }
        return sites;
    }

    /**
     * The check of one site. With {@code S} q's scale ({@code Σ = S Sᵀ}) and {@code u = μ + S ε}, a
     * widened draw is {@code u + (c - 1) t Σ_{:j} / Σ_jj} with {@code t = (S ε)_j}, and since
     * {@code S⁻¹ Σ_{:j} = Sᵀ e_j}, its whitened point is {@code z = ε + (c - 1) (t / Σ_jj) S_{j:}ᵀ}:
     * {@code log q(u) = -½ |z|² + const} costs {@code O(D)}, and the draws of a chunk are one product.
     */
    private static MarginalWidth ofSite(LogDensity density, GaussianMoments q, LatentLayout.Entry e, RandomStream rng, int draws) {
        int d = density.dimension();
        int j = e.offset();
        double[] mu = q.mean().toArray();
        Tensor scale = q.scaleTril();
        double[] row = scale.slice(0, j, j + 1).toArray();
        double sjj = 0;
        for (double v : row) {
            sjj += v * v;
        }
        if (!(sjj > 0)) {
            return null;
        }
        double[] column = scale.matmul(Tensor.of(row, d, 1)).toArray();     // Σ_{:j} = S S_{j:}ᵀ
        Tensor scaleT = scale.transpose();
        double[] logRatios = new double[draws];
        double[] x = new double[draws];
        for (int start = 0; start < draws; start += CHUNK) {
            int n = Math.min(CHUNK, draws - start);
            double[] eps = new double[n * d];
            rng.fillGaussian(eps);
            double[] points = Tensor.of(eps, n, d).matmul(scaleT).toArray();   // rows S ε
            double[] logQ = new double[n];
            double[] logMixture = new double[n];
            for (int k = 0; k < n; k++) {
                int at = k * d;
                double t = points[at + j];
                boolean widened = (start + k) % 2 == 1;
                double shift = widened ? (WIDENING - 1) * t / sjj : 0;
                double qq = 0;
                for (int i = 0; i < d; i++) {
                    double z = eps[at + i] + shift * row[i];
                    qq += z * z;
                    points[at + i] += mu[i] + shift * column[i];
                }
                double tj = points[at + j] - mu[j];
                double a = -Math.log(WIDENING) - 0.5 * tj * tj / (WIDENING * WIDENING * sjj) + 0.5 * tj * tj / sjj;
                logQ[k] = -0.5 * qq;
                logMixture[k] = LogSpace.logAddExp(0, a) - Math.log(2);
            }
            Tensor batch = Tensor.of(points, n, d);
            double[] logP = density.values(batch);
            double[] site = density.constrained(batch).get(e.name()).toArray();
            for (int k = 0; k < n; k++) {
                double r = logP[k] - logQ[k] - logMixture[k];
                logRatios[start + k] = Double.isNaN(r) ? Double.NEGATIVE_INFINITY : r;
                x[start + k] = site[k];
            }
        }
        ParetoSmoothedWeights w = Psis.smooth(logRatios);
        if (!(w.effectiveSampleSize() >= MIN_ESS)) {
            return null;
        }
        double[] weights = w.weights();
        double mean = 0;
        for (int s = 0; s < draws; s++) {
            mean += weights[s] * x[s];
        }
        double ss = 0;
        for (int s = 0; s < draws; s++) {
            ss += weights[s] * (x[s] - mean) * (x[s] - mean);
        }
        double qMean = 0;
        for (int s = 0; s < draws; s += 2) {
            qMean += x[s] / (draws / 2);
        }
        double qss = 0;
        for (int s = 0; s < draws; s += 2) {
            qss += (x[s] - qMean) * (x[s] - qMean);
        }
        double qSd = Math.sqrt(qss / (draws / 2 - 1));
        double weightedSd = Math.sqrt(ss);
        if (!(qSd > 0) || !Double.isFinite(weightedSd)) {
            return null;
        }
        return new MarginalWidth(e.name(), weightedSd / qSd, qSd, weightedSd,
                w.effectiveSampleSize());
    }
}
