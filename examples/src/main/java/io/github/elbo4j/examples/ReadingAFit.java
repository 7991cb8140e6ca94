package io.github.elbo4j.examples;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.discrete.Binomial;
import io.github.elbo4j.infer.Diagnostics;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Locale;

/**
 * What a fit tells you besides the numbers: why it stopped, whether to trust it (the verdict,
 * from the Pareto k-hat of importance sampling), and the summary of each latent. The model is the
 * Beta-Binomial coin, whose exact posterior Beta(8, 6) the summary can be checked against.
 */
public final class ReadingAFit {

    private ReadingAFit() {
    }

    /** Fits the coin (6 heads in 10 tosses, Beta(2, 2) prior) and prints everything the fit knows. */
    public static void main(String[] args) {
        Model coin = m -> {
            Var theta = m.sample("theta", Beta.of(2, 2));
            m.observe("heads", Binomial.ofProbs(10, theta), Tensor.scalar(6));
        };

        Fit fit = Svi.builder(coin).seed(42).build().run();

        System.out.println("method:   " + fit.method());
        System.out.println("stopped:  " + fit.stopReason() + " after " + fit.steps() + " steps");
        System.out.println("verdict:  " + fit.verdict().summaryLine());
        Diagnostics d = fit.diagnostics();
        fit.paretoK().ifPresentOrElse(
                k -> System.out.printf(Locale.ROOT, "k-hat:    %.3f (trusted below %.2f, %d draws)%n", k, d.threshold(), d.draws()),
                () -> System.out.println("k-hat:    not checked: " + d.notChecked().orElse("")));
        System.out.println(SiteSummary.HEADER);
        for (SiteSummary s : fit.summary()) {
            System.out.println(s);
        }
        System.out.printf(Locale.ROOT, "exact posterior Beta(8, 6): mean %.4f, sd %.4f%n", 8.0 / 14, Math.sqrt(8.0 * 6 / (14 * 14 * 15)));
    }
}
