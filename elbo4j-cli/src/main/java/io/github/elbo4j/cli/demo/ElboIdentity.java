package io.github.elbo4j.cli.demo;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.kl.KlDivergence;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * {@code log p(x) = ELBO(q) + KL(q ‖ p(μ | x))} on the Normal–Normal model
 * {@code μ ~ N(μ₀, τ₀²)}, {@code x_i ~ N(μ, σ²)}, each term in closed form and independently:
 * <ul>
 * <li>{@code ELBO(q) = Σ_i E_q[log N(x_i; μ, σ²)] + E_q[log N(μ; μ₀, τ₀²)] + H(q)} with
 * {@code E_q[(x - μ)²] = (x - m)² + s²} for {@code q = N(m, s²)};</li>
 * <li>the KL from the registry between {@code q} and the exact posterior {@code N(μ_n, τ_n²)};</li>
 * <li>{@code log p(x)} as the multivariate normal {@code N(μ₀1, σ²I + τ₀²11ᵀ)} via Cholesky.</li>
 * </ul>
 */
record ElboIdentity(double elbo, double kl, double logEvidence) {

    static final double[] X = {1.2, 2.7, 0.4, 1.9, 2.2};
    static final double MU0 = 0.0;
    static final double TAU0 = 2.0;
    static final double SIGMA = 1.0;

    static ElboIdentity check(double m, double s) {
        int n = X.length;
        double halfLog2Pi = 0.5 * Math.log(2 * Math.PI);
        double elbo = 0;
        double sum = 0;
        for (double x : X) {
            elbo += -halfLog2Pi - Math.log(SIGMA) - ((x - m) * (x - m) + s * s) / (2 * SIGMA * SIGMA);
            sum += x;
        }
        elbo += -halfLog2Pi - Math.log(TAU0) - ((m - MU0) * (m - MU0) + s * s) / (2 * TAU0 * TAU0);
        elbo += 0.5 * Math.log(2 * Math.PI * Math.E * s * s);

        double precision = 1 / (TAU0 * TAU0) + n / (SIGMA * SIGMA);
        double muN = (MU0 / (TAU0 * TAU0) + sum / (SIGMA * SIGMA)) / precision;
        double kl = KlDivergence.of(Normal.of(m, s), Normal.of(muN, Math.sqrt(1 / precision))).item();

        double[] cov = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cov[i * n + j] = TAU0 * TAU0 + (i == j ? SIGMA * SIGMA : 0);
            }
        }
        Tensor l = LinearAlgebra.cholesky(Tensor.of(cov, n, n));
        Tensor r = Tensor.of(X).sub(MU0).reshape(n, 1);
        Tensor w = LinearAlgebra.triangularSolve(l, r, true, false);
        double quad = w.square().sum().item();
        double logEvidence = -n * halfLog2Pi - 0.5 * LinearAlgebra.logDetFromCholesky(l).item() - 0.5 * quad;
        return new ElboIdentity(elbo, kl, logEvidence);
    }
}
