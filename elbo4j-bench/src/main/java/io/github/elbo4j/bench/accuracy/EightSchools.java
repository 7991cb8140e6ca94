package io.github.elbo4j.bench.accuracy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.HalfCauchy;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;

/**
 * Eight schools (Rubin, J. Educ. Stat. 6(4), 1981; Gelman et al., BDA3, sec. 5.5):
 * {@code μ ~ N(0, 5²)}, {@code τ ~ HalfCauchy(5)}, {@code θ_j ~ N(μ, τ²)}, {@code y_j ~ N(θ_j, σ_j²)},
 * written non-centered ({@code θ = μ + τ η}, {@code η_j ~ N(0, 1)}) and centered. Both have the same
 * posterior of {@code (μ, τ, θ)}; the centered one's reference comes from the non-centered run.
 */
final class EightSchools {

    static final String NONCENTERED = "eight_schools_noncentered";
    static final String CENTERED = "eight_schools_centered";

    private EightSchools() {
    }

    /** Latents {@code mu}, {@code tau}, {@code eta[8]}; {@code theta} deterministic. */
    static ReferencePosterior noncentered() {
        PosteriorData data = PosteriorData.load(NONCENTERED);
        int j = data.integer("J");
        Tensor y = data.vector("y");
        Var sigma = Var.constant(data.vector("sigma"));
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 5));
            Var tau = m.sample("tau", HalfCauchy.of(5));
            m.plate("schools", j, p -> {
                Var eta = m.sample("eta", Normal.of(0, 1).expand(j));
                Var theta = m.deterministic("theta", mu.add(tau.mul(eta)));
                m.observe("y", Normal.of(theta, sigma), y);
            });
        };
        return ReferencePosterior.of(NONCENTERED, "eight schools, non-centered (theta = mu + tau eta), "
                + "tau ~ HalfCauchy(5): a heavy-tailed scale, mild funnel left in (log tau, eta)", model);
    }

    /** Latents {@code mu}, {@code tau}, {@code theta[8]}. */
    static ReferencePosterior centered() {
        PosteriorData data = PosteriorData.load(CENTERED);
        int j = data.integer("J");
        Tensor y = data.vector("y");
        Var sigma = Var.constant(data.vector("sigma"));
        Var zeros = Var.constant(Tensor.zeros(j));
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 5));
            Var tau = m.sample("tau", HalfCauchy.of(5));
            m.plate("schools", j, p -> {
                Var theta = m.sample("theta", Normal.of(mu.add(zeros), tau));
                m.observe("y", Normal.of(theta, sigma), y);
            });
        };
        return ReferencePosterior.of(CENTERED, "eight schools, centered (theta ~ N(mu, tau)): a funnel in "
                + "(log tau, theta) where NUTS diverges; reference from the non-centered run", model);
    }
}
