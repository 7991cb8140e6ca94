package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted {@link BnnClassification}: the network, its parameters and the objective of every step.
 * Immutable.
 */
public final class ClassifierFit {

    private static final int DRAW_CHUNK = 10;

    private final StochasticNetwork network;
    private final List<Tensor> parameters;
    private final double[] trace;

    ClassifierFit(StochasticNetwork network, List<Tensor> parameters, double[] trace) {
        this.network = network;
        this.parameters = List.copyOf(parameters);
        this.trace = trace.clone();
    }

    /**
     * The predictive class probabilities {@code p(y = k | x) ≈ (1/S) Σ_s softmax(f(x; W_s))_k} over
     * {@code S = draws} stochastic passes (weight draws or dropout masks; a plain network's passes
     * are all equal), computed in groups of 10 draws: {@code [N, K]}.
     *
     * @throws IllegalArgumentException if {@code x} is not {@code [N, in]} or {@code draws < 1}
     */
    public Tensor probabilities(Tensor x, int draws, RandomStream rng) {
        if (draws < 1) {
            throw new IllegalArgumentException("ClassifierFit draws must be >= 1, got " + draws);
        }
        if (x.shape().length != 2 || x.dim(1) != network.inputs()) {
            throw new IllegalArgumentException("ClassifierFit x must have shape [N, " + network.inputs() + "], got "
                    + Arrays.toString(x.shape()));
        }
        List<Var> params = new ArrayList<>();
        for (Tensor t : parameters) {
            params.add(Var.constant(t));
        }
        Var xs = Var.constant(x);
        Tensor sum = null;
        for (int s = 0; s < draws; s += DRAW_CHUNK) {
            int c = Math.min(DRAW_CHUNK, draws - s);
            Tensor logits = network.forward(params, xs, c, rng).value();
            Tensor p = logits.sub(logits.logSumExp(2).reshape(c, x.dim(0), 1)).exp().sum(0);
            sum = sum == null ? p : sum.add(p);
        }
        return sum.div(draws);
    }

    /** {@link Calibration#of(Tensor, int[])} of {@link #probabilities} at {@code x} against {@code labels}. */
    public Calibration calibration(Tensor x, int[] labels, int draws, RandomStream rng) {
        return Calibration.of(probabilities(x, draws, rng), labels);
    }

    /** The fitted parameters, in the network's order. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The objective per training point, {@code -ELBO / N} or its stand-in, of every step. */
    public double[] trace() {
        return trace.clone();
    }

    @Override
    public String toString() {
        return "ClassifierFit(" + network + ", " + trace.length + " steps)";
    }
}
