package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * The adjoints of one backward sweep, indexed by tape position. A contribution to a variable is
 * stored as is the first time (tensors are immutable) and summed on later visits, which is how a
 * value used twice accumulates its gradient.
 */
final class Adjoints {

    private final Tensor[] byIndex;

    Adjoints(int size) {
        this.byIndex = new Tensor[size];
    }

    /** Adds {@code contribution} to the adjoint of {@code v}; untracked (constant) values are skipped. */
    void add(Var v, Tensor contribution) {
        int i = v.index();
        if (i < 0) {
            return;
        }
        if (!contribution.sameShape(v.value())) {
            throw new IllegalStateException("adjoint of shape " + Arrays.toString(contribution.shape())
                    + " for a value of shape " + Arrays.toString(v.value().shape()) + " (a backward rule is wrong)");
        }
        Tensor old = byIndex[i];
        byIndex[i] = old == null ? contribution : old.add(contribution);
    }

    Tensor get(int index) {
        return byIndex[index];
    }

    void set(int index, Tensor value) {
        byIndex[index] = value;
    }

    void clear(int index) {
        byIndex[index] = null;
    }
}
