package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained {@link SemiSupervisedVae}: its parameters, the training history, and what M2 is used
 * for — classifying data by {@code q(y|x)}, and generating images of a chosen class in a chosen
 * style {@code z} (the decoder's pixel probabilities {@code σ(f([onehot(y), z]))}).
 */
public final class SemiSupervisedVaeFit {

    private final SemiSupervisedVae vae;
    private final Map<String, Tensor> parameters;
    private final double[] objective;
    private final double[] seconds;
    private final boolean classifierOnly;
    private final Map<String, Var> constants = new LinkedHashMap<>();

    SemiSupervisedVaeFit(SemiSupervisedVae vae, Map<String, Tensor> parameters, double[] objective, double[] seconds, boolean classifierOnly) {
        this.vae = vae;
        this.parameters = Map.copyOf(parameters);
        this.objective = objective.clone();
        this.seconds = seconds.clone();
        this.classifierOnly = classifierOnly;
        parameters.forEach((k, v) -> constants.put(k, Var.constant(v)));
    }

    /** The model that was trained. */
    public SemiSupervisedVae vae() {
        return vae;
    }

    /** The trained parameters by name. */
    public Map<String, Tensor> parameters() {
        return parameters;
    }

    /** True when only the classifier was trained ({@link SemiSupervisedVae#trainClassifier}). */
    public boolean classifierOnly() {
        return classifierOnly;
    }

    /**
     * Per epoch, the mean over its steps of the minibatch estimate of the objective per training
     * example: {@code J^α / N} (or {@code Σ log q(y|x) / N_labeled} for a classifier alone).
     */
    public double[] objectivePerDatum() {
        return objective.clone();
    }

    /** Per epoch, the wall time of its training steps (seconds). */
    public double[] epochSeconds() {
        return seconds.clone();
    }

    /** {@code q(y|x) = softmax(g(x))} for the rows of {@code x} ({@code [N, D]}, pixels 0 or 1): {@code [N, C]}. */
    public Tensor classProbabilities(Tensor x) {
        vae.checkData("x", x);
        return vae.logClassProbabilities(context(), Var.constant(x)).value().exp();
    }

    /** The most probable class under {@code q(y|x)} for each row of {@code x} (the first on ties). */
    public int[] classify(Tensor x) {
        double[] p = classProbabilities(x).toArray();
        int c = vae.classes();
        int[] out = new int[x.dim(0)];
        for (int i = 0; i < out.length; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) {
                if (p[i * c + k] > p[i * c + best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /** The fraction of rows of {@code x} that {@link #classify} assigns to their {@code labels}. */
    public double accuracy(Tensor x, int[] labels) {
        vae.checkLabels(labels, x.rank() == 2 ? x.dim(0) : -1);
        int[] predicted = classify(x);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return predicted.length == 0 ? Double.NaN : (double) right / predicted.length;
    }

    /**
     * Images of class {@code labels[i]} in style {@code z[i]}: the decoder's pixel probabilities
     * {@code σ(f([onehot(y_i), z_i]))}, {@code [N, D]} for {@code z} of shape {@code [N, d]}. The
     * same {@code z} with different labels shows how M2 separates style from class.
     */
    public Tensor generate(int[] labels, Tensor z) {
        if (z.rank() != 2 || z.dim(1) != vae.latentDim()) {
            throw new IllegalArgumentException("z must have shape [N, " + vae.latentDim() + "], got " + Arrays.toString(z.shape()));
        }
        vae.checkLabels(labels, z.dim(0));
        Var in = Var.constant(Tensor.concat(1, vae.oneHot(labels), z));
        return vae.decoderNetwork().forward(context(), in).value().apply(ElementwiseFunction.SIGMOID);
    }

    private ModelContext context() {
        return ModelContext.of(new SubstituteHandler(constants::get));
    }
}
