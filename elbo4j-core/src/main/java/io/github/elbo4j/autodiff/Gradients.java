package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;
import java.util.IdentityHashMap;
import java.util.Map;

/** The result of a backward sweep: one gradient tensor per requested variable, in request order. */
public final class Gradients {

    private final Var[] wrt;
    private final Tensor[] values;
    private final Map<Var, Integer> position;

    private Gradients(Var[] wrt, Tensor[] values) {
        this.wrt = wrt;
        this.values = values;
        this.position = new IdentityHashMap<>();
        for (int k = 0; k < wrt.length; k++) {
            position.putIfAbsent(wrt[k], k);
        }
    }

    static Gradients of(Var[] wrt, Tensor[] raw) {
        Tensor[] filled = new Tensor[wrt.length];
        for (int k = 0; k < wrt.length; k++) {
            filled[k] = raw[k] != null ? raw[k] : Tensor.zeros(wrt[k].value().shape());
        }
        return new Gradients(wrt.clone(), filled);
    }

    /** The gradient with respect to {@code v}, which must have been requested. */
    public Tensor of(Var v) {
        Integer k = position.get(v);
        if (k == null) {
            throw new IllegalArgumentException("no gradient was requested for this variable");
        }
        return values[k];
    }

    /** The gradient with respect to the {@code k}-th requested variable. */
    public Tensor get(int k) {
        return values[k];
    }

    /** Number of requested variables. */
    public int size() {
        return wrt.length;
    }
}
