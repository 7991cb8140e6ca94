package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.infer.DivergenceException;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.elbo.ParamHandler;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.OptimizerState;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;

/**
 * The training loop of {@link SemiSupervisedVae}: the objective {@code J^α} is written directly on
 * a tape (it does not split into model and guide site sums, since the label of an unlabeled datum
 * is summed out), its parameters served from a {@link ParameterStore} by a {@link ParamHandler},
 * and Adam moves them. Step {@code t} draws its noise from {@code root.split(t)}; the labeled and
 * unlabeled minibatches follow {@link Subsampling#epochs()} on two plates named
 * {@code labeled} and {@code unlabeled} with the schedule stream {@code root.split(-7)}.
 */
final class SemiSupervisedLoop {

    private SemiSupervisedLoop() {
    }

    static SemiSupervisedVaeFit run(SemiSupervisedVae vae, Tensor xl, int[] labels, Tensor xu, SemiSupervisedVaeTraining training,
                                    boolean classifierOnly) {
        int nl = xl.dim(0);
        int nu = xu.dim(0);
        if (nl == 0 && nu == 0) {
            throw new IllegalArgumentException("the training data must hold at least one example, got 0 labeled and 0 unlabeled");
        }
        PlateFrame lab = new PlateFrame("labeled", nl, Math.min(training.labeledBatchSize(), nl), -1);
        PlateFrame unl = new PlateFrame("unlabeled", nu, Math.min(training.batchSize(), nu), -1);
        long perEpoch = nu > 0 && !classifierOnly ? Subsampling.Epochs.batchesPerEpoch(unl) : Subsampling.Epochs.batchesPerEpoch(lab);
        double alpha = training.alphaFraction() * (nl + nu);
        Tensor onehot = vae.oneHot(labels);
        RandomStream root = RandomStream.of(training.seed());
        RandomStream schedule = root.split(-7);
        Adam adam = Adam.lr(training.learningRate());
        ParameterStore store = new ParameterStore();
        OptimizerState state = null;
        int epochs = training.epochs();
        double[] objective = new double[epochs];
        double[] seconds = new double[epochs];
        double last = Double.NaN;
        long t = 0;
        for (int e = 0; e < epochs; e++) {
            long began = System.nanoTime();
            double sum = 0;
            for (long s = 0; s < perEpoch; s++, t++) {
                Tape tape = new Tape();
                ParamHandler params = new ParamHandler(store, tape);
                ModelContext m = ModelContext.of(params);
                RandomStream rng = root.split(t);
                Var j = null;
                if (nl > 0) {
                    int[] il = indices(lab, t, schedule);
                    Tensor x = xl.indexSelect(0, il);
                    Var logq = vae.logClassProbabilities(m, Var.constant(x)).mul(onehot.indexSelect(0, il)).sum();
                    if (classifierOnly) {
                        j = logq.mul((double) nl / il.length);
                    } else {
                        Var bound = vae.labeledBound(m, x, onehot.indexSelect(0, il), gaussian(rng.split(0), il.length, vae.latentDim()));
                        j = bound.sum().mul((double) nl / il.length).add(logq.mul(alpha / il.length));
                    }
                }
                if (nu > 0 && !classifierOnly) {
                    int[] iu = indices(unl, t, schedule);
                    Tensor eps = gaussian(rng.split(1), vae.classes() * iu.length, vae.latentDim()).reshape(vae.classes(), iu.length, vae.latentDim());
                    Var u = vae.unlabeledBound(m, xu.indexSelect(0, iu), eps).sum().mul((double) nu / iu.length);
                    j = j == null ? u : j.add(u);
                }
                double value = j.item();
                if (!Double.isFinite(value)) {
                    throw new DivergenceException(t, "the objective J", last, store.values());
                }
                List<String> names = store.names();
                Var[] leaves = new Var[names.size()];
                for (int i = 0; i < leaves.length; i++) {
                    leaves[i] = params.leaf(names.get(i));
                }
                Gradients g = tape.gradient(j.neg(), leaves);
                double[][] grads = new double[leaves.length][];
                for (int i = 0; i < leaves.length; i++) {
                    grads[i] = g.get(i).toArray();
                    for (double d : grads[i]) {
                        if (!Double.isFinite(d)) {
                            throw new DivergenceException(t, "gradient of param '" + names.get(i) + "'", last, store.values());
                        }
                    }
                }
                if (state == null) {
                    int[] sizes = new int[grads.length];
                    for (int i = 0; i < sizes.length; i++) {
                        sizes[i] = grads[i].length;
                    }
                    state = adam.init(sizes);
                }
                adam.update(store.arrays(), grads, state, 1.0);
                last = value;
                sum += value;
            }
            seconds[e] = (System.nanoTime() - began) / 1e9;
            objective[e] = sum / perEpoch / (nl + nu);
            training.listener().onEpoch(e + 1, objective[e], Double.NaN, seconds[e]);
        }
        return new SemiSupervisedVaeFit(vae, store.values(), objective, seconds, classifierOnly);
    }

    private static int[] indices(PlateFrame plate, long step, RandomStream schedule) {
        double[] v = Subsampling.Epochs.indices(plate, step, schedule).toArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) v[i];
        }
        return out;
    }

    private static Tensor gaussian(RandomStream rng, int rows, int cols) {
        double[] v = new double[rows * cols];
        rng.fillGaussian(v);
        return Tensor.of(v, rows, cols);
    }
}
