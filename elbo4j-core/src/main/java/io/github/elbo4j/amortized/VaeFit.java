package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained {@link Vae}: its parameters, the training history, and what a VAE is used for —
 * encoding data to their latent posteriors, decoding latents, reconstructions, samples from the
 * prior, and held-out bounds on {@code log p(x)} per datum ({@link PerDatumBounds}).
 */
public final class VaeFit {

    private final Vae vae;
    private final EpochTrainer.Run run;
    private final int trainingSize;
    private final Map<String, Var> constants = new LinkedHashMap<>();

    VaeFit(Vae vae, EpochTrainer.Run run, int trainingSize) {
        this.vae = vae;
        this.run = run;
        this.trainingSize = trainingSize;
        run.parameters().forEach((k, v) -> constants.put(k, Var.constant(v)));
    }

    /** The model that was trained. */
    public Vae vae() {
        return vae;
    }

    /** The trained parameters (constrained values), by name. */
    public Map<String, Tensor> parameters() {
        return run.parameters();
    }

    /** The training history: ELBO estimates, held-out scores and time per epoch. */
    public EpochTrainer.Run history() {
        return run;
    }

    /** Per epoch, the mean training ELBO estimate per datum (nats). */
    public double[] trainElboPerDatum() {
        double[] t = run.trainElbo().clone();
        for (int i = 0; i < t.length; i++) {
            t[i] /= trainingSize;
        }
        return t;
    }

    /** The guide's means {@code μ(x)} for the rows of {@code x}, {@code [N, d]}. */
    public Tensor encodeMean(Tensor x) {
        return encoded(x).slice(1, 0, vae.latentDim());
    }

    /** The guide's standard deviations {@code σ(x)} for the rows of {@code x}, {@code [N, d]}. */
    public Tensor encodeScale(Tensor x) {
        return encoded(x).slice(1, vae.latentDim(), 2 * vae.latentDim()).mul(0.5).exp();
    }

    /**
     * The decoder's mean of {@code x} given latents {@code z} ({@code [N, d]}): the pixel
     * probabilities {@code σ(f(z))} (Bernoulli) or {@code f(z)} (Gaussian), {@code [N, D]}.
     */
    public Tensor decodeMean(Tensor z) {
        Tensor out = run(vae.decoderNetwork(), z);
        return vae.decoder() == Vae.Decoder.BERNOULLI ? out.apply(ElementwiseFunction.SIGMOID) : out;
    }

    /** Reconstructions: the decoder's mean at the guide's mean of each row of {@code x}. */
    public Tensor reconstruct(Tensor x) {
        return decodeMean(encodeMean(x));
    }

    /** The decoder's mean at {@code n} draws of {@code z} from the prior {@code N(0, I)}, {@code [n, D]}. */
    public Tensor samplePrior(int n, RandomStream rng) {
        double[] z = new double[n * vae.latentDim()];
        rng.fillGaussian(z);
        return decodeMean(Tensor.of(z, n, vae.latentDim()));
    }

    /** The mean over the rows of {@code x} of the per-datum ELBO, with {@code draws} draws each. */
    public double elbo(Tensor x, int draws, RandomStream rng) {
        return mean(vae.bounds(x, run.parameters(), 250).elbo(draws, rng));
    }

    /**
     * The mean over the rows of {@code x} of the importance-weighted bound with {@code k} draws,
     * the standard estimate of the held-out log-likelihood per datum (Burda et al., ICLR 2016).
     */
    public double logLikelihood(Tensor x, int k, RandomStream rng) {
        return mean(vae.bounds(x, run.parameters(), 250).importanceWeighted(k, rng));
    }

    private Tensor encoded(Tensor x) {
        if (x.rank() != 2 || x.dim(1) != vae.dataDim()) {
            throw new IllegalArgumentException("x must have shape [N, " + vae.dataDim() + "], got " + java.util.Arrays.toString(x.shape()));
        }
        return run(vae.encoderNetwork(), x);
    }

    private Tensor run(Layer net, Tensor in) {
        ModelContext m = ModelContext.of(new SubstituteHandler(constants::get));
        return net.forward(m, Var.constant(in)).value();
    }

    static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
