package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Linear;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Objects;

/**
 * The semi-supervised VAE, model M2 of Kingma, Rezende, Mohamed &amp; Welling, "Semi-supervised
 * learning with deep generative models", NeurIPS 2014, sec. 3.1.2 and eq. 6–9.
 *
 * <p><b>Generative model.</b> {@code y ~ Cat(1/C)}, {@code z ~ N(0, I_d)},
 * {@code x | y, z ~ Bernoulli(σ(f([onehot(y), z])))} with {@code f} the decoder MLP.
 * <b>Inference.</b> {@code q(z | x, y) = N(μ(x, y), diag σ²(x, y))} (the encoder MLP on
 * {@code [x, onehot(y)]} outputs {@code (μ, log σ²)}) and {@code q(y | x) = Cat(softmax(g(x)))}
 * (the classifier MLP {@code g}).
 *
 * <p><b>Objective.</b> For a labeled pair (eq. 6)
 * {@code L(x, y) = E_q(z|x,y)[log p(x|y,z)] + log p(y) - KL(q(z|x,y) || N(0, I))}, the Gaussian KL
 * in closed form {@code -½ Σ_k (1 + log σ_k² - μ_k² - σ_k²)} (Kingma &amp; Welling, ICLR 2014,
 * appendix B) and the expectation by one reparameterized draw {@code z = μ + σ ε}. For an
 * unlabeled {@code x} (eq. 7) the label is summed out exactly:
 * {@code U(x) = Σ_y q(y|x) L(x, y) + H(q(y|x))}; the {@code C} values of {@code y} form a leading
 * batch axis, so the encoder and the decoder run once on {@code [C, B, ...]} (and the encoder's
 * first layer multiplies {@code x} once: {@code [x, e_y] W = x W_x + W_y[y]}). The training
 * objective (eq. 9) is
 * {@code J^α = Σ_labeled L(x, y) + Σ_unlabeled U(x) + α · E_labeled[log q(y|x)]}, with the mean
 * over the labeled examples as in the paper and {@code α = 0.1 · N} ({@code N} the number of
 * training examples, labeled or not) by default: each labeled example's classification term
 * weighs {@code 0.1 · N / N_labeled}. {@link #train} maximizes it by Adam on minibatches.
 *
 * <p>The networks' parameters are named {@code ssvae.encoder.*}, {@code ssvae.decoder.*} and
 * {@code ssvae.classifier.*}; the defaults are the paper's: one hidden layer of 500 units with
 * softplus, latent size 50.
 */
public final class SemiSupervisedVae {

    private final int dataDim;
    private final int classes;
    private final int latentDim;
    private final Mlp encoder;
    private final Mlp decoder;
    private final Mlp classifier;

    private SemiSupervisedVae(Builder b) {
        this.dataDim = b.dataDim;
        this.classes = b.classes;
        this.latentDim = b.latentDim;
        RandomStream root = RandomStream.of(b.seed);
        this.encoder = Mlp.of("ssvae.encoder", b.activation, Init.PYTORCH_DEFAULT, root.split(1).nextLong(),
                sizes(dataDim + classes, b.hidden, 2 * latentDim));
        int[] rev = new int[b.hidden.length];
        for (int i = 0; i < rev.length; i++) {
            rev[i] = b.hidden[rev.length - 1 - i];
        }
        this.decoder = Mlp.of("ssvae.decoder", b.activation, Init.PYTORCH_DEFAULT, root.split(2).nextLong(),
                sizes(classes + latentDim, rev, dataDim));
        this.classifier = Mlp.of("ssvae.classifier", b.activation, Init.PYTORCH_DEFAULT, root.split(3).nextLong(),
                sizes(dataDim, b.hidden, classes));
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }

    /** An M2 model for binary data of {@code dataDim} pixels and {@code classes} classes. */
    public static Builder builder(int dataDim, int classes) {
        return new Builder(dataDim, classes);
    }

    /** Number of pixels of a datum. */
    public int dataDim() {
        return dataDim;
    }

    /** Number of classes {@code C}. */
    public int classes() {
        return classes;
    }

    /** Size of the latent {@code z}. */
    public int latentDim() {
        return latentDim;
    }

    /** The encoder: {@code [x, onehot(y)]} to {@code (μ, log σ²)}, {@code D + C → ... → 2d}. */
    public Mlp encoderNetwork() {
        return encoder;
    }

    /** The decoder: {@code [onehot(y), z]} to pixel logits, {@code C + d → ... → D}. */
    public Mlp decoderNetwork() {
        return decoder;
    }

    /** The classifier: {@code x} to the logits of {@code q(y|x)}, {@code D → ... → C}. */
    public Mlp classifierNetwork() {
        return classifier;
    }

    /** Trains M2 on labeled {@code (xLabeled, labels)} and unlabeled {@code xUnlabeled} by maximizing {@code J^α} (see the class comment). */
    public SemiSupervisedVaeFit train(Tensor xLabeled, int[] labels, Tensor xUnlabeled, SemiSupervisedVaeTraining training) {
        checkData("xLabeled", xLabeled);
        checkLabels(labels, xLabeled.dim(0));
        checkData("xUnlabeled", xUnlabeled);
        return SemiSupervisedLoop.run(this, xLabeled, labels, xUnlabeled, training, false);
    }

    /**
     * Trains the classifier network alone on the labeled examples by maximum likelihood
     * ({@code Σ log q(y|x)}, Adam, minibatches of {@code training.labeledBatchSize()} for
     * {@code training.epochs()} passes over the labeled data): the supervised baseline with the
     * same architecture. The fit's encoder and decoder keep their initial weights.
     */
    public SemiSupervisedVaeFit trainClassifier(Tensor xLabeled, int[] labels, SemiSupervisedVaeTraining training) {
        checkData("xLabeled", xLabeled);
        checkLabels(labels, xLabeled.dim(0));
        return SemiSupervisedLoop.run(this, xLabeled, labels, Tensor.zeros(0, dataDim), training, true);
    }

    /** The classifier's logits {@code g(x)} for {@code x} of shape {@code [B, D]}: {@code [B, C]}. */
    Var classifierLogits(ModelContext m, Var x) {
        return classifier.forward(m, x);
    }

    /** {@code log q(y|x)} for all classes: {@code logits - logSumExp(logits)}, {@code [B, C]}. */
    Var logClassProbabilities(ModelContext m, Var x) {
        Var logits = classifierLogits(m, x);
        int b = logits.shape()[0];
        return logits.sub(logits.logSumExp(1).reshape(b, 1));
    }

    /**
     * {@code L(x_b, y_b)} for every row: {@code x} {@code [B, D]}, {@code onehot} {@code [B, C]},
     * {@code eps} {@code [B, d]} standard normal noise; a {@code [B]} vector.
     */
    Var labeledBound(ModelContext m, Tensor x, Tensor onehot, Tensor eps) {
        Var h = firstEncoderLayer(m, Var.constant(x), Var.constant(onehot));
        return bound(m, h, Var.constant(onehot), Var.constant(x), eps);
    }

    /**
     * {@code L(x_b, c)} for every class {@code c} and row {@code b}: {@code x} {@code [B, D]},
     * {@code eps} {@code [C, B, d]}; a {@code [C, B]} matrix from one pass of each network over {@code [C, B, ...]}.
     */
    Var enumeratedBound(ModelContext m, Tensor x, Tensor eps) {
        int b = x.dim(0);
        Tensor onehot = Tensor.eye(classes).reshape(classes, 1, classes).broadcastTo(classes, b, classes);
        Var h = firstEncoderLayer(m, Var.constant(x), Var.constant(Tensor.eye(classes).reshape(classes, 1, classes)));
        return bound(m, h, Var.constant(onehot), Var.constant(x), eps);
    }

    /**
     * {@code U(x_b) = Σ_c q(c|x_b) L(x_b, c) + H(q(·|x_b))} for every row of {@code x} ({@code [B, D]}),
     * with {@code eps} {@code [C, B, d]}; a {@code [B]} vector.
     */
    Var unlabeledBound(ModelContext m, Tensor x, Tensor eps) {
        Var l = enumeratedBound(m, x, eps).transpose();
        Var logq = logClassProbabilities(m, Var.constant(x));
        Var q = logq.exp();
        return q.mul(l.sub(logq)).sum(1);
    }

    /** The encoder's first hidden pre-activation {@code x W_x + y W_y + b}, broadcast over the leading axes of {@code x} and {@code y}. */
    private Var firstEncoderLayer(ModelContext m, Var x, Var y) {
        Linear first = encoder.layers().get(0);
        Var w = m.param(first.weightName(), first.weightInit());
        Var bias = m.param(first.biasName(), first.biasInit());
        return x.matmul(w.slice(0, 0, dataDim)).add(y.matmul(w.slice(0, dataDim, dataDim + classes))).add(bias);
    }

    /** The rest of the bound from the encoder's first pre-activation {@code h}: shape {@code h.shape()[:-1]}. */
    private Var bound(ModelContext m, Var h, Var onehot, Var x, Tensor eps) {
        java.util.List<Linear> layers = encoder.layers();
        Var out = h;
        for (int k = 1; k < layers.size(); k++) {
            out = layers.get(k).forward(m, encoder.activation().apply(out));
        }
        int last = out.shape().length - 1;
        Var mu = out.slice(last, 0, latentDim);
        Var logVar = out.slice(last, latentDim, 2 * latentDim);
        Var z = mu.add(logVar.mul(0.5).exp().mul(eps));
        Var logits = decoder.forward(m, Var.concat(last, onehot, z));
        Var logLik = x.mul(logits).sub(logits.softplus()).sum(last);
        Var negKl = logVar.add(1.0).sub(mu.square()).sub(logVar.exp()).sum(last).mul(0.5);
        return logLik.add(negKl).add(-Math.log(classes));
    }

    void checkData(String name, Tensor x) {
        if (x.rank() != 2 || x.dim(1) != dataDim) {
            throw new IllegalArgumentException(name + " must have shape [N, " + dataDim + "], got " + Arrays.toString(x.shape()));
        }
        double[] v = x.toArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] != 0.0 && v[i] != 1.0) {
                throw new IllegalArgumentException(name + "[" + i / dataDim + ", " + i % dataDim + "] = " + v[i]
                        + ": pixels must be 0 or 1 (binarize the data first)");
            }
        }
    }

    void checkLabels(int[] labels, int rows) {
        Objects.requireNonNull(labels, "labels");
        if (labels.length != rows) {
            throw new IllegalArgumentException("labels must have one entry per row of x (" + rows + "), got " + labels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + ": must be in [0, " + classes + ")");
            }
        }
    }

    /** The rows of the identity for {@code labels}: {@code [B, C]}. */
    Tensor oneHot(int[] labels) {
        double[] v = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) {
            v[i * classes + labels[i]] = 1;
        }
        return Tensor.of(v, labels.length, classes);
    }

    /** The settings of a {@link SemiSupervisedVae}, each validated when set. */
    public static final class Builder {
        private final int dataDim;
        private final int classes;
        private int latentDim = 50;
        private int[] hidden = {500};
        private Activation activation = Activation.SOFTPLUS;
        private long seed;

        private Builder(int dataDim, int classes) {
            if (dataDim < 1) {
                throw new IllegalArgumentException("dataDim must be >= 1, got " + dataDim);
            }
            if (classes < 2) {
                throw new IllegalArgumentException("classes must be >= 2, got " + classes);
            }
            this.dataDim = dataDim;
            this.classes = classes;
        }

        /** Size of the latent {@code z} (default 50). */
        public Builder latent(int d) {
            if (d < 1) {
                throw new IllegalArgumentException("latent size must be >= 1, got " + d);
            }
            this.latentDim = d;
            return this;
        }

        /** Hidden layer sizes of the encoder and the classifier (the decoder takes them reversed); default {@code 500}. */
        public Builder hidden(int... sizes) {
            for (int s : sizes) {
                if (s < 1) {
                    throw new IllegalArgumentException("hidden sizes must be >= 1, got " + Arrays.toString(sizes));
                }
            }
            this.hidden = sizes.clone();
            return this;
        }

        /** The hidden activation of the three networks (default softplus, as in the paper). */
        public Builder activation(Activation a) {
            this.activation = Objects.requireNonNull(a, "activation");
            return this;
        }

        /** Seed of the networks' initial weights (default 0). */
        public Builder seed(long s) {
            this.seed = s;
            return this;
        }

        /** The configured model. */
        public SemiSupervisedVae build() {
            return new SemiSupervisedVae(this);
        }
    }
}
