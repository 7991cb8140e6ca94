package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import java.util.Map;
import java.util.function.Function;

/**
 * Supplies the values of named param (and latent sample) sites, e.g. the current parameters of
 * an optimizer or a posterior draw. The function returns null for names it does not handle.
 */
public final class SubstituteHandler implements Handler {

    private final Function<String, Var> values;

    /** Substitutes from a function of the site name (returning null to leave a site alone). */
    public SubstituteHandler(Function<String, Var> values) {
        this.values = values;
    }

    /** Substitutes from a map of names to values. */
    public SubstituteHandler(Map<String, Var> values) {
        this(Map.copyOf(values)::get);
    }

    @Override
    public void process(Message msg) {
        boolean substitutable = msg.type() == SiteType.PARAM || (msg.type() == SiteType.SAMPLE && !msg.isObserved());
        if (substitutable && msg.value().isEmpty()) {
            Var v = values.apply(msg.name());
            if (v != null) {
                msg.setValue(v);
            }
        }
    }
}
