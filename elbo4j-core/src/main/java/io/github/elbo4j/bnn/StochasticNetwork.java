package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * What a classification fit needs of a network with random weights: initial parameters, {@code S}
 * stochastic outputs per input, and the penalty added to the negative log-likelihood (a KL
 * divergence, or a weight decay that stands for one).
 */
interface StochasticNetwork {

    /** The initial parameters, seeded. */
    List<Tensor> init(long seed);

    /** {@code S = particles} outputs at {@code x} ({@code [N, in]}): {@code [S, N, out]}. */
    Var forward(List<Var> params, Var x, int particles, RandomStream rng);

    /** The penalty over the whole data set ({@code KL(q || p)} or its stand-in). */
    Var penalty(List<Var> params, RandomStream rng);

    /** Input units. */
    int inputs();

    /** Output units. */
    int outputs();

    /** A {@link BayesianMlp} with its KL divergence as the penalty. */
    static StochasticNetwork of(BayesianMlp net) {
        int[] sizes = net.sizes();
        return new StochasticNetwork() {
            @Override
            public List<Tensor> init(long seed) {
                return net.init(seed);
            }

            @Override
            public Var forward(List<Var> params, Var x, int particles, RandomStream rng) {
                return net.forward(params, x, particles, rng);
            }

            @Override
            public Var penalty(List<Var> params, RandomStream rng) {
                return net.klDivergence(params, rng);
            }

            @Override
            public int inputs() {
                return sizes[0];
            }

            @Override
            public int outputs() {
                return sizes[sizes.length - 1];
            }

            @Override
            public String toString() {
                return net.toString();
            }
        };
    }
}
