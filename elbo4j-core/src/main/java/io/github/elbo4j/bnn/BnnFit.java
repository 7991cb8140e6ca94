package io.github.elbo4j.bnn;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fitted Bayes-by-Backprop regression: the network, its variational parameters (four tensors
 * per layer, as {@link BayesianMlp} orders them), the noise sd and the ELBO estimate of every step.
 * Immutable.
 */
public final class BnnFit {

    private static final int CHUNK = 100;

    private final BayesianMlp network;
    private final List<Tensor> parameters;
    private final double noiseSd;
    private final double[] elboTrace;

    BnnFit(BayesianMlp network, List<Tensor> parameters, double noiseSd, double[] elboTrace) {
        this.network = network;
        this.parameters = List.copyOf(parameters);
        this.noiseSd = noiseSd;
        this.elboTrace = elboTrace.clone();
    }

    /**
     * {@code draws} functions {@code f(x; W_s)} with {@code W_s ~ q} drawn by weight sampling (whole
     * weight matrices, also for a network trained with the local reparameterization, so that a draw
     * is one function of {@code x}), in groups of 100 draws: {@code [draws, N]}.
     *
     * @throws IllegalArgumentException if {@code x} is not {@code [N, in]} or {@code draws < 2}
     */
    public Predictive predict(Tensor x, int draws, RandomStream rng) {
        if (draws < 2) {
            throw new IllegalArgumentException("BnnFit predict draws must be >= 2, got " + draws);
        }
        int in = network.sizes()[0];
        if (x.shape().length != 2 || x.dim(1) != in) {
            throw new IllegalArgumentException("BnnFit predict x must have shape [N, " + in + "], got "
                    + Arrays.toString(x.shape()));
        }
        BayesianMlp sampling = network.withLocalReparameterization(false);
        List<Var> params = new ArrayList<>();
        for (Tensor t : parameters) {
            params.add(Var.constant(t));
        }
        Var xs = Var.constant(x);
        int n = x.dim(0);
        double[] f = new double[draws * n];
        for (int s = 0; s < draws; s += CHUNK) {
            int c = Math.min(CHUNK, draws - s);
            double[] chunk = sampling.forward(params, xs, c, rng).value().toArray();
            System.arraycopy(chunk, 0, f, s * n, c * n);
        }
        return Predictive.of(Tensor.of(f, draws, n), noiseSd);
    }

    /** The network. */
    public BayesianMlp network() {
        return network;
    }

    /** The variational parameters, four per layer, in the order of the network's {@link WeightPosterior}. */
    public List<Tensor> parameters() {
        return parameters;
    }

    /** The noise sd (fixed, or its point estimate). */
    public double noiseSd() {
        return noiseSd;
    }

    /** The one-draw ELBO estimate of each step. */
    public double[] elboTrace() {
        return elboTrace.clone();
    }

    @Override
    public String toString() {
        return "BnnFit(" + network + ", noise sd " + noiseSd + ", " + elboTrace.length + " steps)";
    }
}
