package io.github.elbo4j.infer.run;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.ReplayHandler;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Posterior predictive simulation (Gelman et al., BDA3, sec. 6.3; Pyro's {@code Predictive}):
 * the model re-run with its latent sites replayed from draws of {@code q}, and every observed site
 * drawn afresh from its distribution instead of scoring the data.
 */
public final class PredictiveRun {

    private PredictiveRun() {
    }

    /** Runs {@code model} with latents replayed from {@code latents} and observed sites resampled. */
    public static Trace trace(Model model, Trace latents, RandomStream rng) {
        return ModelContext.trace(model, new ReplayHandler(latents), new Resample(), new SeedHandler(rng));
    }

    /** Every latent, deterministic and observed site of {@code t}, with a leading axis of {@code n} draws ({@link #withDrawAxis}). */
    public static Map<String, Tensor> draws(Trace t, int n) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Site s : t.sites()) {
            if (s.type() == SiteType.PARAM || s.type() == SiteType.PLATE || s.name().startsWith("_")) {
                continue;
            }
            Tensor v = s.value().value();
            out.put(s.name(), withDrawAxis(v, n));
        }
        return out;
    }

    /**
     * {@code v} as {@code [n] + shape}, where {@code shape} is the site's shape with its unit axes
     * dropped (the plate padding between the draw axis and the site's own axes is a unit axis;
     * a site whose own shape has unit axes loses them too).
     */
    static Tensor withDrawAxis(Tensor v, int n) {
        int[] shape = v.shape();
        if (shape.length > 0 && shape[0] == n) {
            int[] rest = Arrays.stream(Arrays.copyOfRange(shape, 1, shape.length)).filter(s -> s != 1).toArray();
            int[] target = new int[1 + rest.length];
            target[0] = n;
            System.arraycopy(rest, 0, target, 1, rest.length);
            return v.reshape(target);
        }
        int[] target = new int[shape.length + 1];
        target[0] = n;
        System.arraycopy(shape, 0, target, 1, shape.length);
        return v.reshape(concatOne(shape)).broadcastTo(target);
    }

    private static int[] concatOne(int[] shape) {
        int[] s = new int[shape.length + 1];
        s[0] = 1;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    /** Replaces the data of an observed site by a fresh draw from its distribution (the random stream is the site's). */
    private static final class Resample implements Handler {
        @Override
        public void process(Message msg) {
            if (msg.type() != SiteType.SAMPLE || !msg.isObserved()) {
                return;
            }
            Distribution d = msg.distribution().orElseThrow();
            RandomStream rng = msg.rng().orElseThrow(() -> new IllegalStateException("no random stream for site '" + msg.name() + "'"));
            // a fresh draw has the shape of the data broadcast with the distribution's batch (the particle axis)
            int[] data = msg.value().orElseThrow().shape();
            int[] dataBatch = Arrays.copyOf(data, Math.max(0, data.length - d.eventShape().length));
            int[] batch = io.github.elbo4j.tensor.Broadcasting.shape(d.batchShape(), dataBatch);
            msg.setValue(Var.constant((Arrays.equals(batch, d.batchShape()) ? d : d.expand(batch)).sample(rng)));
        }
    }
}
