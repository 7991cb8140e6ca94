package io.github.elbo4j.examples;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.GuidePosterior;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.guide.InitStrategy;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A hidden Markov model with unknown emission means: the hidden states are summed out exactly by
 * enumeration ({@code ElboEstimator.traceEnum()}) along a {@code markov} chain, the means get a mean-field guide, and the
 * posterior of every state comes from {@code discretePosterior}. See docs/enumeration.md.
 */
public final class HiddenMarkovModelByEnumeration {

    private HiddenMarkovModelByEnumeration() {
    }

    /** Simulates 60 steps of a sticky 3-state chain, fits, prints the emission means and the state accuracy. */
    public static void main(String[] args) {
        int k = 3;
        double[] means = {-3, 0, 3};
        double[] stay = {0.9, 0.05, 0.05, 0.05, 0.9, 0.05, 0.05, 0.05, 0.9};
        Random random = new Random(7);
        int steps = 60;
        int[] states = new int[steps];
        double[] x = new double[steps];
        for (int t = 0; t < steps; t++) {
            states[t] = t == 0 ? random.nextInt(k) : (random.nextDouble() < 0.9 ? states[t - 1] : (states[t - 1] + 1 + random.nextInt(2)) % k);
            x[t] = means[states[t]] + 0.7 * random.nextGaussian();
        }

        Var transition = Var.constant(Tensor.of(stay, k, k));
        Model hmm = m -> {
            Var mu = m.sample("mu", Normal.of(0, 5).expand(k).toEvent(1));
            Var[] z = new Var[1];
            m.markov(steps, t -> {                       // step t reuses the enumeration axes of step t - 2
                Categorical d = t == 0 ? Categorical.ofProbs(1.0 / 3, 1.0 / 3, 1.0 / 3)
                        : Categorical.ofProbs(transition.take(0, z[0].value()));
                z[0] = m.sample("z" + t, d);
                m.observe("x" + t, Normal.of(mu.take(-1, z[0].value()), 0.7), Tensor.scalar(x[t]));
            });
        };
        Fit fit = Svi.builder(hmm).elbo(ElboEstimator.traceEnum())
                .init(InitStrategy.values(Map.of("mu", Tensor.of(-1.0, 0.0, 1.0)))).maxSteps(2000).seed(3).build().run();

        GuidePosterior q = (GuidePosterior) fit.posterior();
        double[] mu = q.location("mu").toArray();
        for (int j = 0; j < k; j++) {
            System.out.printf(Locale.ROOT, "mu[%d] %.3f%n", j, mu[j]);
        }
        Map<String, Tensor> posterior = q.discretePosterior(200, RandomStream.of(4));
        int right = 0;
        for (int t = 0; t < steps; t++) {
            double[] p = posterior.get("z" + t).toArray();
            int best = 0;
            for (int j = 1; j < k; j++) {
                best = p[j] > p[best] ? j : best;
            }
            right += best == states[t] ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "states recovered: %d of %d%n", right, steps);
        System.out.println("k-hat: " + fit.paretoK());
    }
}
