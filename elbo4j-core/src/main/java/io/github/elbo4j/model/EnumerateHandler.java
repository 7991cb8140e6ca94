package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.Arrays;

/**
 * Gives every unobserved discrete sample site that has no value yet (none replayed from a guide)
 * its whole support along a fresh batch axis left of the particle and plate axes, so the model
 * runs once and every log-density broadcasts over all assignments (parallel enumeration: Obermeyer
 * et al., "Tensor variable elimination for plated factor graphs", ICML 2019, sec. 3). With
 * {@code n} the deepest plate nesting, the {@code j}-th axis allocated in a run is dim
 * {@code -(n + 2 + j)}, and a site on it gets the value {@code [K] + [1] * (n + 1 + j) + eventShape};
 * the site is marked with that dim ({@link Site#enumDim()}). Each site gets a fresh axis, except
 * inside {@link ModelContext#markov}, where step {@code t} reuses the axes of step {@code t - 2}. A discrete site whose support is not finite
 * (Poisson, Geometric, ...) is an error naming the site and its support.
 */
public final class EnumerateHandler implements Handler {

    private final int maxPlateNesting;
    private int enumerated;
    private final java.util.Map<Long, Integer> markovSlots = new java.util.HashMap<>();
    private int markovStep = -1;
    private int inStep;

    /** Enumerates the discrete latent sites of a model whose plates nest {@code maxPlateNesting} deep. */
    public EnumerateHandler(int maxPlateNesting) {
        this.maxPlateNesting = maxPlateNesting;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE || msg.isObserved() || msg.value().isPresent()) {
            return;
        }
        Distribution d = msg.distribution().orElseThrow();
        if (!d.support().isDiscrete()) {
            return;
        }
        if (!d.hasEnumerateSupport()) {
            String why = d.support() instanceof Constraint.IntegerInterval ? "whose values " + d.getClass().getSimpleName()
                    + " does not list (no enumerateSupport)" : "which is not finite";
            throw new IllegalArgumentException("latent site '" + msg.name() + "' has discrete support " + d.support() + " ("
                    + d.getClass().getSimpleName() + "), " + why + ": enumeration needs a finite support it can list (marginalize "
                    + "it by hand, truncate it to a Categorical, or draw it in a hand-written guide with ElboEstimator.scoreFunction())");
        }
        Tensor all;
        try {
            all = d.enumerateSupport();
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("latent site '" + msg.name() + "' cannot be enumerated: " + e.getMessage(), e);
        }
        int k = all.dim(0);
        int[] event = d.eventShape();
        int eventSize = 1;
        for (int e : event) {
            eventSize *= e;
        }
        int columns = k == 0 ? 0 : all.size() / (k * eventSize);
        Tensor first = all.reshape(k, columns, eventSize).slice(1, 0, 1);
        int batchRank = maxPlateNesting + 2 + slot(msg);
        int[] shape = new int[batchRank + event.length];
        Arrays.fill(shape, 1);
        shape[0] = k;
        System.arraycopy(event, 0, shape, batchRank, event.length);
        msg.setValue(Var.constant(first.reshape(shape)));
        msg.setEnumDim(-batchRank);
    }

    /**
     * The axis slot of this site: a fresh one, or inside {@code markov} the slot of the site with
     * the same position in step {@code t - 2} (the {@code i}-th enumerated site of every step with
     * the parity of {@code t} shares one slot).
     */
    private int slot(Message msg) {
        if (msg.markovStep().isEmpty()) {
            return enumerated++;
        }
        int t = msg.markovStep().getAsInt();
        if (t != markovStep) {
            markovStep = t;
            inStep = 0;
        }
        long key = (long) (t % 2) << 32 | inStep++;
        return markovSlots.computeIfAbsent(key, k -> enumerated++);
    }

    /** The number of enumeration axes used so far in this run. */
    public int enumerated() {
        return enumerated;
    }
}
