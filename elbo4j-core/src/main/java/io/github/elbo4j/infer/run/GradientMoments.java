package io.github.elbo4j.infer.run;

import io.github.elbo4j.infer.SignalToNoise;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.SviState;
import io.github.elbo4j.infer.elbo.ElboEstimator;
import io.github.elbo4j.infer.elbo.ParameterStore;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Running mean and variance of the loss gradient of every parameter, by Welford's update
 * (Welford, Technometrics 4(3), 1962; Knuth, TAOCP vol. 2, sec. 4.2.2):
 * {@code n ← n + 1, δ = g - mean, mean ← mean + δ/n, M2 ← M2 + δ (g - mean)}, sample variance
 * {@code M2 / (n - 1)}. Two arrays per parameter, allocated once; {@link #add} allocates nothing.
 * Not thread-safe (one per run).
 */
public final class GradientMoments {

    private final List<String> names;
    private final int[][] shapes;
    private final double[][] mean;
    private final double[][] m2;
    private int count;

    /** Moments of parameters {@code names} with shapes {@code shapes}. */
    public GradientMoments(List<String> names, int[][] shapes) {
        this.names = List.copyOf(names);
        this.shapes = shapes.clone();
        this.mean = new double[shapes.length][];
        this.m2 = new double[shapes.length][];
        for (int p = 0; p < shapes.length; p++) {
            int size = io.github.elbo4j.tensor.Broadcasting.size(shapes[p]);
            mean[p] = new double[size];
            m2[p] = new double[size];
        }
    }

    /**
     * The moments of {@code draws} independent gradient estimates at the parameters of {@code state}:
     * estimate {@code r} draws from {@code root.split(-9).split(r)} and, in a subsampled model, takes
     * minibatch {@code step + r} of the run's schedule ({@code root.split(-7)}).
     */
    public static SignalToNoise atFixedParameters(SviProgram program, ElboEstimator estimator, int particles, Subsampling subsampling,
                                                  RandomStream root, SviState state, int draws) {
        ParameterStore store = state.parameters();
        List<String> names = store.names();
        int[][] shapes = new int[names.size()][];
        for (int i = 0; i < shapes.length; i++) {
            shapes[i] = store.unconstrainedValue(names.get(i)).shape();
        }
        GradientMoments moments = new GradientMoments(names, shapes);
        RandomStream draw = root.split(-9);
        for (int r = 0; r < draws; r++) {
            moments.add(program.evaluate(estimator, store, draw.split(r), particles, null,
                    subsampling.handlerAt(state.step() + r, root.split(-7))).gradients());
        }
        return moments.snapshot(state.step());
    }

    /** Adds one gradient draw ({@code grads[p]} for parameter {@code p}; not modified). */
    public void add(double[][] grads) {
        count++;
        for (int p = 0; p < grads.length; p++) {
            double[] g = grads[p];
            double[] mu = mean[p];
            double[] s = m2[p];
            for (int i = 0; i < g.length; i++) {
                double delta = g[i] - mu[i];
                mu[i] += delta / count;
                s[i] += delta * (g[i] - mu[i]);
            }
        }
    }

    /** The number of draws added since the last reset. */
    public int count() {
        return count;
    }

    /** The SNR of the draws so far, labelled {@code step} ({@code count() >= 2}). */
    public SignalToNoise snapshot(long step) {
        if (count < 2) {
            throw new IllegalStateException("the SNR needs at least 2 gradient draws, got " + count);
        }
        List<SignalToNoise.Block> blocks = new ArrayList<>();
        for (int p = 0; p < mean.length; p++) {
            double[] sd = new double[m2[p].length];
            for (int i = 0; i < sd.length; i++) {
                sd[i] = Math.sqrt(m2[p][i] / (count - 1));
            }
            blocks.add(new SignalToNoise.Block(names.get(p), Tensor.of(mean[p].clone(), shapes[p]), Tensor.of(sd, shapes[p])));
        }
        return new SignalToNoise(step, count, blocks);
    }

    /** Forgets every draw (the next window starts empty). */
    public void reset() {
        count = 0;
        for (int p = 0; p < mean.length; p++) {
            java.util.Arrays.fill(mean[p], 0);
            java.util.Arrays.fill(m2[p], 0);
        }
    }
}
