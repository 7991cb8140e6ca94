package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gives param sites their current values from a {@link ParameterStore} as leaves of this step's
 * tape (registering new parameters from their initial values), and remembers the leaves so that
 * the step can ask the tape for their gradients.
 */
public final class ParamHandler implements Handler {

    private final ParameterStore store;
    private final Tape tape;
    private final Map<String, Var[]> leaves = new LinkedHashMap<>();

    /** Serves the parameters of {@code store} as leaves of {@code tape}. */
    public ParamHandler(ParameterStore store, Tape tape) {
        this.store = store;
        this.tape = tape;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.PARAM || msg.value().isPresent()) {
            return;
        }
        Var[] pair = leaves.get(msg.name());
        if (pair == null) {
            if (!store.contains(msg.name())) {
                // the init's constraint check runs here, once per new name, not once per step
                store.register(msg.name(), msg.checkedParamInit(), msg.constraint());
            }
            pair = store.leaf(msg.name(), tape);
            leaves.put(msg.name(), pair);
        }
        msg.setValue(pair[1]);
    }

    /** The unconstrained leaf of {@code name} on this step's tape, if the run used it. */
    public Var leaf(String name) {
        Var[] pair = leaves.get(name);
        return pair == null ? null : pair[0];
    }
}
