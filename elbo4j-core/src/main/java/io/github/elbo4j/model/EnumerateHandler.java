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
 * {@code n} the deepest plate nesting, the {@code j}-th site enumerated in a run gets dim
 * {@code -(n + 2 + j)} and the value {@code [K] + [1] * (n + 1 + j) + eventShape}; the site is
 * marked with that dim ({@link Site#enumDim()}). A discrete site whose support is not finite
 * (Poisson, Geometric, ...) is an error naming the site and its support.
 */
public final class EnumerateHandler implements Handler {

    private final int maxPlateNesting;
    private int enumerated;

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
        int batchRank = maxPlateNesting + 2 + enumerated;
        int[] shape = new int[batchRank + event.length];
        Arrays.fill(shape, 1);
        shape[0] = k;
        System.arraycopy(event, 0, shape, batchRank, event.length);
        msg.setValue(Var.constant(first.reshape(shape)));
        msg.setEnumDim(-batchRank);
        enumerated++;
    }

    /** The number of sites enumerated so far in this run. */
    public int enumerated() {
        return enumerated;
    }
}
