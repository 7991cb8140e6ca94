package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Dropout;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The network of MC dropout for any number of outputs (Gal &amp; Ghahramani, ICML 2016): an MLP with
 * {@link Dropout} on the input of every layer after the first, on at training and prediction; with
 * {@code p = 0}, a plain network. Weight then bias of each layer, PyTorch's default initialization;
 * the penalty {@code Σ_l [(1-p_l) ||W_l||² + ||b_l||²] / (2 s²)} (the paper's appendix, for a
 * {@code N(0, s²)} prior; with {@code p = 0}, the negative log prior of a MAP network).
 */
final class DropoutMlp implements StochasticNetwork {

    private final int[] sizes;
    private final Activation activation;
    private final Dropout dropout;
    private final double priorScale;

    DropoutMlp(int[] sizes, Activation activation, double p, double priorScale) {
        this.sizes = sizes.clone();
        this.activation = activation;
        this.dropout = Dropout.of(p);
        this.priorScale = priorScale;
    }

    @Override
    public List<Tensor> init(long seed) {
        List<Tensor> out = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            Linear l = Linear.of("dropout." + k, sizes[k], sizes[k + 1], Init.PYTORCH_DEFAULT, seed + k);
            out.add(l.weightInit());
            out.add(l.biasInit());
        }
        return List.copyOf(out);
    }

    /**
     * {@code particles} passes with independent masks, {@code [S, N, out]}; one pass if {@code p = 0}
     * (all equal). The first layer has no dropout in front, so its output is computed once for all passes.
     */
    @Override
    public Var forward(List<Var> params, Var x, int particles, RandomStream rng) {
        int passes = dropout.p() == 0 ? 1 : particles;
        int n = x.shape()[0];
        int out = sizes[sizes.length - 1];
        Var first = x.matmul(params.get(0)).add(params.get(1));
        Var[] outputs = new Var[passes];
        for (int s = 0; s < passes; s++) {
            Var h = first;
            for (int k = 1; k + 1 < sizes.length; k++) {
                h = dropout.forward(activation.apply(h), rng, true).matmul(params.get(2 * k)).add(params.get(2 * k + 1));
            }
            outputs[s] = h;
        }
        Var stacked = passes == 1 ? outputs[0].reshape(1, n, out) : Var.stack(0, outputs);
        return passes == particles ? stacked : stacked.broadcastTo(particles, n, out);
    }

    @Override
    public Var penalty(List<Var> params, RandomStream rng) {
        double inv = 0.5 / (priorScale * priorScale);
        Var total = null;
        for (int k = 0; k + 1 < sizes.length; k++) {
            double keep = k == 0 ? 1.0 : 1.0 - dropout.p();
            Var term = params.get(2 * k).square().sum().mul(keep * inv).add(params.get(2 * k + 1).square().sum().mul(inv));
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    @Override
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    @Override
    public int inputs() {
        return sizes[0];
    }

    double p() {
        return dropout.p();
    }

    @Override
    public String toString() {
        return (dropout.p() == 0 ? "plain MLP " : "MC dropout p = " + dropout.p() + " ") + java.util.Arrays.toString(sizes) + ", "
                + activation + ", prior sd " + priorScale;
    }
}
