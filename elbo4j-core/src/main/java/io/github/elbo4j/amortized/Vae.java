package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Bernoulli;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * The variational autoencoder (Kingma &amp; Welling, ICLR 2014): a latent {@code z_i ~ N(0, I_d)}
 * per datum, a decoder network {@code f} with {@code x_i | z_i ~ Bernoulli(σ(f(z_i)))} (binary data)
 * or {@code N(f(z_i), diag(s²))} with a learned scale {@code s} (real data), and an amortized
 * Gaussian guide {@code q(z_i | x_i) = N(μ(x_i), diag σ²(x_i))} whose encoder network outputs
 * {@code (μ, log σ²)} ({@link AmortizedGuide}). Both networks are trained together by maximizing
 * the ELBO (with the Gaussian KL in closed form, their eq. 10) or the importance-weighted bound,
 * by stochastic VI on minibatches in epochs ({@link #train}). The default networks are MLPs
 * with ReLU hidden layers: encoder {@code D → hidden → 2d}, decoder {@code d → reversed hidden → D}.
 * The model's data plate is named {@value #PLATE}; its latent site {@code z}, its observed site {@code x}.
 */
public final class Vae {

    /** The name of the plate over the data. */
    public static final String PLATE = "data";

    /** The likelihood of a datum given the decoder's output. */
    public enum Decoder {
        /** {@code x ∈ {0, 1}^D}, {@code x_j ~ Bernoulli(σ(f_j(z)))}: the decoder outputs logits. */
        BERNOULLI,
        /** {@code x ∈ R^D}, {@code x_j ~ N(f_j(z), s_j²)}, {@code s} a learned positive parameter {@code vae.decoder.scale}. */
        GAUSSIAN
    }

    private final int dataDim;
    private final int latentDim;
    private final Decoder decoder;
    private final Layer encoderNet;
    private final Layer decoderNet;
    private final Tensor priorLoc;
    private final Tensor priorScale;

    private Vae(Builder b) {
        this.dataDim = b.dataDim;
        this.latentDim = b.latentDim;
        this.decoder = b.decoder;
        int[] enc = new int[b.hidden.length + 2];
        enc[0] = b.dataDim;
        System.arraycopy(b.hidden, 0, enc, 1, b.hidden.length);
        enc[enc.length - 1] = 2 * b.latentDim;
        int[] dec = new int[b.hidden.length + 2];
        dec[0] = b.latentDim;
        for (int i = 0; i < b.hidden.length; i++) {
            dec[i + 1] = b.hidden[b.hidden.length - 1 - i];
        }
        dec[dec.length - 1] = b.dataDim;
        RandomStream root = RandomStream.of(b.seed);
        this.encoderNet = b.encoder != null ? b.encoder : Mlp.of("vae.encoder", b.activation, Init.PYTORCH_DEFAULT, root.split(1).nextLong(), enc);
        this.decoderNet = b.decoderNet != null ? b.decoderNet : Mlp.of("vae.decoder", b.activation, Init.PYTORCH_DEFAULT, root.split(2).nextLong(), dec);
        this.priorLoc = Tensor.zeros(b.latentDim);
        this.priorScale = Tensor.ones(b.latentDim);
    }

    /** A VAE for data of {@code dataDim} numbers per datum (e.g. 784 pixels). */
    public static Builder builder(int dataDim) {
        return new Builder(dataDim);
    }

    /** Size of a datum. */
    public int dataDim() {
        return dataDim;
    }

    /** Size of the latent {@code z}. */
    public int latentDim() {
        return latentDim;
    }

    /** The likelihood. */
    public Decoder decoder() {
        return decoder;
    }

    /** The encoder network: a datum to {@code (μ, log σ²)}, {@code 2 d} numbers. */
    public Layer encoderNetwork() {
        return encoderNet;
    }

    /** The decoder network: {@code z} to the likelihood's parameter (logits or means), {@code D} numbers. */
    public Layer decoderNetwork() {
        return decoderNet;
    }

    /**
     * The generative model on the rows of {@code x} ({@code [N, D]}), in minibatches of {@code batch}
     * (the log-likelihood scaled by {@code N / batch}).
     */
    public Model model(Tensor x, int batch) {
        checkData("x", x);
        int n = x.dim(0);
        return m -> m.plate(PLATE, n, batch, p -> {
            Var z = m.sample("z", Normal.of(priorLoc, priorScale).toEvent(1));
            Var out = decoderNet.forward(m, z);
            int[] s = out.shape();
            if (s[s.length - 1] != dataDim || s.length < 2 || s[s.length - 2] != z.shape()[z.shape().length - 2]) {
                throw new IllegalArgumentException("the decoder must map z of shape " + Arrays.toString(z.shape()) + " to [..., "
                        + z.shape()[z.shape().length - 2] + ", " + dataDim + "], got " + Arrays.toString(s));
            }
            Tensor xb = p.subsample(x);
            if (decoder == Decoder.BERNOULLI) {
                m.observe("x", Bernoulli.ofLogits(out).toEvent(1), xb);
            } else {
                Var scale = m.param("vae.decoder.scale", Tensor.ones(dataDim), new Constraint.Positive());
                m.observe("x", Normal.of(out, scale).toEvent(1), xb);
            }
        });
    }

    /** The amortized guide on the rows of {@code x}, in minibatches of {@code batch}. */
    public Model guide(Tensor x, int batch) {
        return AmortizedGuide.of(model(x, batch), PLATE, x, encoderNet);
    }

    /** Trains the VAE on the rows of {@code x} as {@code training} says. */
    public VaeFit train(Tensor x, VaeTraining training) {
        checkData("x", x);
        int n = x.dim(0);
        int batch = Math.min(training.batchSize(), n);
        ElboEstimator estimator = training.importanceSamples() > 1 ? ElboEstimator.importanceWeighted(PLATE) : ElboEstimator.analyticKl();
        Svi svi = Svi.builder(model(x, batch)).guide(guide(x, batch)).optimizer(Adam.lr(training.learningRate()))
                .elbo(estimator).numParticles(training.importanceSamples()).subsampling(Subsampling.epochs())
                .convergence(Convergence.none()).maxSteps(Long.MAX_VALUE / 2).diagnosticDraws(0).seed(training.seed()).build();
        EpochTrainer.Builder trainer = EpochTrainer.builder(svi, (n + batch - 1) / batch).epochs(training.epochs())
                .listener((e, elbo, held, secs) -> training.listener().onEpoch(e, elbo / n, held, secs));
        training.heldOut().ifPresent(h -> {
            checkData("heldOut", h);
            trainer.heldOut(params -> VaeFit.mean(bounds(h, params, training.batchSize()).elbo(1, RandomStream.of(training.seed()).split(-9))));
        });
        if (training.patience() < Integer.MAX_VALUE) {
            trainer.patience(training.patience());
        }
        EpochTrainer.Run run = trainer.build().run();
        return new VaeFit(this, run, n);
    }

    /** Per-datum bounds for the rows of {@code x} at the given parameters, evaluated in chunks of {@code chunk}. */
    PerDatumBounds bounds(Tensor x, java.util.Map<String, Tensor> params, int chunk) {
        int b = Math.min(chunk, x.dim(0));
        return PerDatumBounds.of(model(x, b), guide(x, b), params, PLATE);
    }

    private void checkData(String name, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != dataDim) {
            throw new IllegalArgumentException(name + " must have shape [N, " + dataDim + "], got " + Arrays.toString(x.shape()));
        }
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            boolean ok = decoder == Decoder.BERNOULLI ? v[i] == 0.0 || v[i] == 1.0 : Double.isFinite(v[i]);
            if (!ok) {
                throw new IllegalArgumentException(name + "[" + i / dataDim + ", " + i % dataDim + "] = " + v[i] + ": "
                        + (decoder == Decoder.BERNOULLI ? "a Bernoulli decoder needs 0 or 1 (binarize the data first)" : "must be finite"));
            }
        }
    }

    /** The settings of a {@link Vae}. */
    public static final class Builder {
        private final int dataDim;
        private int latentDim = 20;
        private int[] hidden = {400};
        private Decoder decoder = Decoder.BERNOULLI;
        private Activation activation = Activation.RELU;
        private long seed;
        private Layer encoder;
        private Layer decoderNet;

        private Builder(int dataDim) {
            if (dataDim < 1) {
                throw new IllegalArgumentException("dataDim must be >= 1, got " + dataDim);
            }
            this.dataDim = dataDim;
        }

        /** Size of the latent (default 20). */
        public Builder latent(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("latent size must be >= 1, got " + d);
            }
            this.latentDim = d;
            return this;
        }

        /** Hidden layer sizes of the default encoder (the decoder takes them reversed); default {@code 400}. */
        public Builder hidden(int... sizes) {
            for (int s : sizes) {
                if (s < 1) {
                    throw new IllegalArgumentException("hidden sizes must be >= 1, got " + Arrays.toString(sizes));
                }
            }
            this.hidden = sizes.clone();
            return this;
        }

        /** The likelihood (default {@link Decoder#BERNOULLI}). */
        public Builder decoder(Decoder d) {
            this.decoder = java.util.Objects.requireNonNull(d, "decoder");
            return this;
        }

        /** The hidden activation of the default networks (default ReLU). */
        public Builder activation(Activation a) {
            this.activation = java.util.Objects.requireNonNull(a, "activation");
            return this;
        }

        /** Seed of the networks' initial weights (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** A custom encoder: {@code [B, D] → [B, 2d]} ({@code μ} then {@code log σ²}). */
        public Builder encoder(Layer net) {
            this.encoder = java.util.Objects.requireNonNull(net, "encoder");
            return this;
        }

        /** A custom decoder: {@code [..., B, d] → [..., B, D]}. */
        public Builder decoderNetwork(Layer net) {
            this.decoderNet = java.util.Objects.requireNonNull(net, "decoderNetwork");
            return this;
        }

        /** The configured VAE. */
        public Vae build() {
            return new Vae(this);
        }
    }
}
