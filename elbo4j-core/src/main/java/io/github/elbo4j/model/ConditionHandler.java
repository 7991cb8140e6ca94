package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/** Fixes the values of named sample sites to data, turning them into observations. */
public final class ConditionHandler implements Handler {

    private final Map<String, Tensor> data;

    /** Observes {@code data.get(name)} at each named site. */
    public ConditionHandler(Map<String, Tensor> data) {
        this.data = Map.copyOf(data);
    }

    @Override
    public void process(Message msg) {
        if (msg.type() == SiteType.SAMPLE && data.containsKey(msg.name())) {
            msg.setValue(Var.constant(data.get(msg.name())));
            msg.setObserved(true);
        }
    }
}
