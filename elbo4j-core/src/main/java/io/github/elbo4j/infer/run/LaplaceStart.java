package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.guide.Preconditioner;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Lbfgs;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole fit of {@code AutoGuide.laplace()}: the mode of the unconstrained posterior by L-BFGS,
 * the Hessian there by central differences of exact gradients ({@link LaplaceApproximation}), and
 * the coordinates {@code u = û + L⁻ᵀ v} that make {@code N(û, H⁻¹)} the standard normal in {@code v}.
 * Unlike the warm start of the other guides, nothing is regularized or declined: a Hessian that is
 * not positive definite is an error naming the site ({@link NonPositiveCurvature}).
 *
 * @param preconditioner       the Laplace coordinates
 * @param search               how the mode search ended
 * @param elbo                 the ELBO of {@code N(û, H⁻¹)} from {@value WarmStartChoice#DRAWS} moment-matched draws
 * @param gradientEvaluations  gradients of {@code log p} the search and the Hessian cost ({@code evaluations + 2D})
 */
public record LaplaceStart(Preconditioner preconditioner, Lbfgs.Result search, double elbo, long gradientEvaluations) {

    /** Iteration budget of the mode search. */
    static final int MAX_ITERATIONS = 1000;

    /** The Laplace approximation of {@code model}'s posterior over {@code layout}. */
    static LaplaceStart of(Model model, AutoGuide laplace, LatentLayout layout, boolean subsampled, boolean hasModelParams,
                           RandomStream rng) {
        if (subsampled) {
            throw new IllegalArgumentException("a Laplace guide needs the exact log density, and the model subsamples its data: "
                    + "use a full plate or another guide");
        }
        if (hasModelParams) {
            throw new IllegalArgumentException("a Laplace guide fits no parameters, and the model has learnable parameters of "
                    + "its own: use another guide");
        }
        int d = layout.dimension();
        LogDensity density = new LogDensity(model, layout, rng.split(0));
        LaplaceApproximation a = LaplaceApproximation.of(density, layout.initialVector().toArray(), new Lbfgs(10, MAX_ITERATIONS));
        if (a.search().status() == Lbfgs.Status.NON_FINITE_START) {
            throw new IllegalArgumentException("a Laplace guide cannot search for the mode: log p(u | x) or its gradient is not "
                    + "finite at the initial point (" + a.search().reason() + "); choose another InitStrategy");
        }
        Optional<Tensor> chol = a.precisionCholesky();
        if (chol.isEmpty()) {
            throw new IllegalArgumentException(NonPositiveCurvature.describe(a, layout));
        }
        Preconditioner pre = laplace.preconditioner(Tensor.of(a.mode()), chol.get());
        Tensor eps = FixedNoise.momentMatched(WarmStartChoice.DRAWS, d, rng.split(1));
        double[] logp = density.values(pre.apply(eps));
        double mean = 0;
        for (double v : logp) {
            mean += v / logp.length;
        }
        double elbo = mean + 0.5 * d * Math.log(2 * Math.PI * Math.E) + pre.logAbsDet();
        return new LaplaceStart(pre, a.search(), elbo, a.search().evaluations() + 2L * d);
    }

    /** How the mode search ended, in words. */
    String note() {
        return String.format(Locale.ROOT, "Laplace approximation: mode search %s after %d iterations (%s), Hessian by central "
                + "differences of exact gradients (%d gradient evaluations in all)", search.status(), search.iterations(),
                search.reason(), gradientEvaluations);
    }

    /** True when the mode search met a convergence test (or stopped with no better step after making progress). */
    public boolean converged() {
        return search.converged() || (search.status() == Lbfgs.Status.LINE_SEARCH_FAILED && search.iterations() > 0);
    }
}
