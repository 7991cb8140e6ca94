package io.github.elbo4j.infer;

import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.infer.guide.AutoNormal;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.guide.Preconditioner;
import io.github.elbo4j.infer.run.ElboHessian;
import io.github.elbo4j.infer.run.FixedDraws;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.CholeskyAttempt;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Linear-response covariances of a mean-field Gaussian fit (LRVB: Giordano, Broderick &amp; Jordan,
 * "Linear response methods for accurate covariance estimates from mean field variational Bayes",
 * NeurIPS 2015, eq. 7; "Covariances, robustness, and variational Bayes", JMLR 19(51), 2018, sec. 3).
 * A mean-field guide {@code q(v) = N(m, diag s²)} (with {@code u = shift + c ⊙ v}, the fit's
 * preconditioner) under-reports posterior variances where the posterior is correlated; the linear
 * response of its means to a perturbation of the log joint recovers the covariance:
 * <pre>
 * Cov_LR(v) = (∂E_q[v]/∂η) (-∇²_η ELBO)⁻¹ (∂E_q[v]/∂η)ᵀ = [(-∇²_η ELBO)⁻¹]_mm,   η = (m, ρ)
 * Cov_LR(u) = diag(c) Cov_LR(v) diag(c)
 * </pre>
 * at the optimum {@code η*}, with {@code ρ} the unconstrained scale ({@code s = exp ρ}); since
 * {@code E_q[v] = m}, {@code ∂E_q[v]/∂η = [I 0]} and the covariance is the {@code m}-block of the
 * inverse negative Hessian.
 *
 * <p><b>Equivalence with {@code (I − V H)⁻¹ V}.</b> Write the ELBO in the moment parameters
 * {@code μ = (E v, E v²)} of the exponential family {@code q}: {@code ELBO(μ) = E_q log p(μ) + S(μ)}.
 * The entropy's Hessian is {@code ∇²S = -V⁻¹}, {@code V = Cov_q} of the sufficient statistics
 * (the negative entropy is the convex conjugate of the log partition function, whose Hessian in
 * the natural parameters is {@code V}: Wainwright &amp; Jordan 2008, sec. 3.6). With
 * {@code H = ∇²_μ E_q log p}: {@code -∇²_μ ELBO = V⁻¹ - H}, and {@code (V⁻¹ - H)⁻¹ = (I - V H)⁻¹ V}, the
 * form of Giordano et al. (2015, eq. 7). Changing parameters from {@code μ} to {@code η = (m, ρ)}
 * keeps {@code m = E v}, so the Jacobian {@code J = ∂μ/∂η} is block lower triangular with an
 * identity first block, and so is {@code J⁻¹}; at a stationary point
 * {@code ∇²_η ELBO = Jᵀ ∇²_μ ELBO J}, so {@code (∇²_η)⁻¹ = J⁻¹ (∇²_μ)⁻¹ J⁻ᵀ}, whose {@code m}-block is
 * that of {@code (∇²_μ)⁻¹} because the first block row of {@code J⁻¹} is {@code [I 0]}. The same
 * argument shows the result does not depend on how the scale is parameterized.
 *
 * <p><b>How it is computed.</b> {@code -∇²_η ELBO} comes from central differences of the exact
 * reverse-mode gradient of the ELBO with fixed draws ({@code ElboHessian}): the draws whose ELBO
 * the fit maximized for deterministic VI ({@code fixedDraws} in the provenance), else (a stochastic
 * fit, or a fit loaded from a file) {@code max(256, 2(D+1))} rounded up to a power of two
 * moment-matched draws from {@code RandomStream.of(seed).split(-8)}. The model's own parameters, if
 * any, stay fixed. For a stochastic fit the parameters are not the optimum of that objective:
 * {@link #gradientNorm} says how far from stationary they are.
 *
 * <p><b>Constrained space.</b> Per site with bijector {@code T}, the delta method at the mean:
 * {@code Cov(z) ≈ J Cov(u) Jᵀ}, {@code J = ∂T/∂u} at {@code E u} by central differences of
 * {@code T} (first-order Taylor expansion; Casella &amp; Berger 2002, sec. 5.5.4). The mean-field sds
 * of {@link Row#meanFieldSd} use the same map, so the two columns differ only by the covariance.
 *
 * @param mean         {@code E_q[u]}, {@code [D]}
 * @param covariance   {@code Cov_LR(u)}, {@code [D, D]}
 * @param meanFieldSd  the guide's sds of {@code u}, {@code c ⊙ s}, {@code [D]}
 * @param rows         per scalar element of every latent site, constrained space: mean-field and LR sds
 * @param gradientNorm {@code ‖∇_η ELBO‖} with the same draws at the fitted parameters (near 0 at an optimum)
 * @param draws        the number of fixed draws of the Hessian's ELBO
 */
public record LinearResponse(Tensor mean, Tensor covariance, Tensor meanFieldSd, List<Row> rows, double gradientNorm, int draws) {

    /**
     * One scalar latent in constrained space.
     *
     * @param name        e.g. {@code theta[3]}
     * @param meanFieldSd the mean-field sd by the delta method
     * @param sd          the linear-response sd by the delta method
     */
    public record Row(String name, double meanFieldSd, double sd) {

        /** {@code sd / meanFieldSd}: how much the correction widens the mean-field sd. */
        public double ratio() {
            return sd / meanFieldSd;
        }
    }

    /** Copies the rows. */
    public LinearResponse {
        rows = List.copyOf(rows);
    }

    /** The linear-response sds of {@code u}, {@code √diag Cov_LR(u)}, {@code [D]}. */
    public Tensor sd() {
        return LinearAlgebra.diagonal(covariance).sqrt();
    }

    /** The row of scalar latent {@code name} ({@code tau}, {@code theta[3]}). */
    public Row row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no scalar latent named '" + name + "'; the rows are " + rows.stream().map(Row::name).toList()));
    }

    /** The correction for the mean-field fit {@code q} of a fit with seed {@code seed}. */
    static LinearResponse of(GuidePosterior q, long seed) {
        if (!(q.autoGuide().orElse(null) instanceof AutoNormal)) {
            throw new IllegalStateException("linear response corrects a mean-field guide (AutoGuide.meanField()); this fit's guide is "
                    + q.autoGuide().map(g -> g.familyName()).orElse("hand-written"));
        }
        ParameterStore store = q.parameterStore();
        LatentLayout layout = q.layout();
        int d = layout.dimension();
        int[] coords = new int[2 * d];
        int at = 0;
        for (String name : store.names()) {
            int size = store.unconstrainedValue(name).size();
            int block = "auto_loc".equals(name) ? 0 : "auto_scale".equals(name) ? d : -1;
            for (int i = 0; block >= 0 && i < size; i++) {
                coords[block + i] = at + i;
            }
            at += size;
        }
        FixedDraws fixed = q.fixedDraws().orElseGet(() -> defaultDraws(d, seed));
        ElboHessian h = ElboHessian.at(q.program(), store, fixed, coords);
        Tensor l = cholesky(h.hessian(), layout, h.gradient().square().sum().sqrt().item());
        Tensor v = LinearAlgebra.choleskyInverse(l).slice(0, 0, d).slice(1, 0, d);
        Preconditioner pre = q.preconditioner();
        Tensor c = pre.isIdentity() ? Tensor.ones(d) : pre.factor();
        Tensor cov = v.mul(c.reshape(d, 1)).mul(c.reshape(1, d));
        Tensor mean = pre.apply(store.value("auto_loc"));
        Tensor mfSd = store.value("auto_scale").mul(c);
        return new LinearResponse(mean, cov, mfSd, rows(layout, mean, cov, mfSd), h.gradient().square().sum().sqrt().item(), fixed.draws());
    }

    /** {@code max(256, 2(D+1))} rounded up to a power of two: more draws than coordinates, so that they whiten exactly. */
    private static FixedDraws defaultDraws(int d, long seed) {
        int n = 256;
        while (n < 2 * (d + 1)) {
            n *= 2;
        }
        RandomStream root = RandomStream.of(seed).split(-8);
        return new FixedDraws(n, root.split(0), root.split(1));
    }

    /** The Cholesky factor of {@code a} ({@link CholeskyAttempt}), or an error naming the first pivot that is not positive. */
    private static Tensor cholesky(Tensor a, LatentLayout layout, double gradientNorm) {
        CholeskyAttempt c = CholeskyAttempt.of(a);
        if (c.failedPivot() >= 0) {
            int j = c.failedPivot();
            int dim = a.dim(0) / 2;
            String param = j < dim ? "auto_loc[" + j + "]" : "auto_scale[" + (j - dim) + "]";
            throw new IllegalStateException(String.format(Locale.ROOT, "linear response needs the ELBO at a maximum, but its "
                    + "negative Hessian in the mean-field parameters is not positive definite: pivot %d (%s, latent '%s') is %.4g "
                    + "(gradient norm %.3g): fit to convergence (deterministic VI, the default method) before asking for "
                    + "linear-response covariances", j, param, site(layout, j % dim), c.pivot(), gradientNorm));
        }
        return c.factor();
    }

    private static String site(LatentLayout layout, int coordinate) {
        for (LatentLayout.Entry e : layout.entries()) {
            if (coordinate >= e.offset() && coordinate < e.offset() + e.size()) {
                return e.name();
            }
        }
        return "?";
    }

    /** Per scalar element, the delta-method sds {@code √diag(J Σ Jᵀ)} of the LR and mean-field covariances. */
    private static List<Row> rows(LatentLayout layout, Tensor mean, Tensor cov, Tensor mfSd) {
        List<Row> out = new ArrayList<>();
        double[] m = mean.toArray();
        double[] s = cov.toArray();
        double[] sd = mfSd.toArray();
        int d = m.length;
        for (LatentLayout.Entry e : layout.entries()) {
            double[][] j = jacobian(e, m);
            int[] shape = j.length == io.github.elbo4j.tensor.Broadcasting.size(e.shape()) ? e.shape() : new int[] {j.length};
            for (int k = 0; k < j.length; k++) {
                double lr = 0;
                double mf = 0;
                for (int a = 0; a < e.size(); a++) {
                    mf += j[k][a] * j[k][a] * sd[e.offset() + a] * sd[e.offset() + a];
                    for (int b = 0; b < e.size(); b++) {
                        lr += j[k][a] * s[(e.offset() + a) * d + e.offset() + b] * j[k][b];
                    }
                }
                out.add(new Row(Posterior.elementName(e.name(), shape, k), Math.sqrt(mf), Math.sqrt(lr)));
            }
        }
        return out;
    }

    /** {@code ∂T(u)/∂u} of the site's bijector at its block of {@code u}, by central differences, {@code [out][size]}. */
    private static double[][] jacobian(LatentLayout.Entry e, double[] u) {
        double[] x = java.util.Arrays.copyOfRange(u, e.offset(), e.offset() + e.size());
        int out = e.transform().forward(Tensor.of(x.clone(), e.unconstrainedShape())).size();
        double[][] j = new double[out][e.size()];
        for (int a = 0; a < x.length; a++) {
            double xa = x[a];
            double step = Math.cbrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(xa));
            x[a] = xa + step;
            double[] plus = e.transform().forward(Tensor.of(x.clone(), e.unconstrainedShape())).toArray();
            x[a] = xa - step;
            double[] minus = e.transform().forward(Tensor.of(x.clone(), e.unconstrainedShape())).toArray();
            x[a] = xa;
            for (int k = 0; k < out; k++) {
                j[k][a] = (plus[k] - minus[k]) / (2 * step);
            }
        }
        return j;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-16s %14s %10s %8s%n", "", "mean-field sd", "LRVB sd", "ratio"));
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%-16s %14.4f %10.4f %8.3f%n", r.name(), r.meanFieldSd(), r.sd(), r.ratio()));
        }
        return b.toString();
    }
}
