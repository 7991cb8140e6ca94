package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.List;
import java.util.Optional;

/** A recorded site of one model run: what was drawn or observed, from what, under which plates. */
public final class Site {

    private final Message msg;
    private final Var value;

    Site(Message msg) {
        this.msg = msg;
        this.value = msg.value().orElseThrow(() -> new IllegalStateException("site '" + msg.name() + "' has no value"));
    }

    /** The site's name. */
    public String name() {
        return msg.name();
    }

    /** The kind of site. */
    public SiteType type() {
        return msg.type();
    }

    /** The value drawn, observed, replayed or substituted. */
    public Var value() {
        return value;
    }

    /** The distribution of a sample site. */
    public Optional<Distribution> distribution() {
        return msg.distribution();
    }

    /** True for a sample site that carries data. */
    public boolean isObserved() {
        return msg.isObserved();
    }

    /** True for an unobserved sample site. */
    public boolean isLatent() {
        return msg.type() == SiteType.SAMPLE && !msg.isObserved();
    }

    /** The log-density scale (from subsampled plates and scale handlers). */
    public double scale() {
        return msg.scale();
    }

    /** The mask on the log-density, if any. */
    public Optional<Tensor> mask() {
        return msg.mask();
    }

    /** The constraint of a param site. */
    public Constraint constraint() {
        return msg.constraint();
    }

    /** The enclosing plates, outermost first. */
    public List<PlateFrame> plates() {
        return msg.plates();
    }

    /** For a {@link SiteType#PLATE} site: the plate it opened. */
    public Optional<PlateFrame> declaredPlate() {
        return msg.declaredPlate();
    }

    /**
     * The site's log-density term {@code scale · mask ⊙ log p(value)}, element-wise (batch shape);
     * the same term an ELBO sums. When the value came from unconstrained coordinates {@code u}
     * (a replayed {@code Unconstrained} guide site), the term is that of {@code u}:
     * {@code log p(T(u)) + log |det ∂T/∂u|}. Only for sample sites.
     */
    public Var logProb() {
        Distribution d = msg.distribution().orElseThrow(
                () -> new IllegalStateException("site '" + name() + "' is a " + type() + " site and has no log-density"));
        Var lp = d.logProb(value);
        if (msg.logJacobian().isPresent()) {
            lp = lp.add(msg.logJacobian().get());
        }
        if (msg.mask().isPresent()) {
            Tensor m = msg.mask().get();
            lp = Var.where(m, lp, Var.constant(0.0));
        }
        return msg.scale() == 1.0 ? lp : lp.mul(msg.scale());
    }
}
