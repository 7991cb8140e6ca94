package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.List;
import java.util.Optional;

/**
 * A recorded site of one model run: what was drawn or observed, from what, under which plates.
 * An immutable copy of the {@link Message} taken when the trace records it (Pyro copies its site
 * dictionary likewise), so a handler that acts on the message afterwards cannot rewrite a site
 * already recorded.
 *
 * @param name          the site's name, unique within one run
 * @param type          the kind of site
 * @param value         the value drawn, observed, replayed or substituted
 * @param distribution  the distribution of a sample site
 * @param isObserved    true for a sample site that carries data
 * @param scale         the log-density scale (from subsampled plates and scale handlers)
 * @param mask          the mask on the log-density, if any
 * @param constraint    the constraint of a param site
 * @param plates        the enclosing plates, outermost first
 * @param declaredPlate for a {@link SiteType#PLATE} site, the plate it declares
 * @param logJacobian   for a value mapped from unconstrained coordinates, the log-Jacobian of the map
 * @param enumDim       for a site enumerated by {@link EnumerateHandler}, the batch dim holding its support
 * @param markovStep    for a site inside {@link ModelContext#markov}, the step of the chain it belongs to
 */
public record Site(String name, SiteType type, Var value, Optional<Distribution> distribution, boolean isObserved, double scale,
                   Optional<Tensor> mask, Constraint constraint, List<PlateFrame> plates, Optional<PlateFrame> declaredPlate,
                   Optional<Var> logJacobian, java.util.OptionalInt enumDim, java.util.OptionalInt markovStep) {

    /** Copies the list of plates. */
    public Site {
        plates = List.copyOf(plates);
    }

    /** The record of {@code msg} as it is now. */
    static Site of(Message msg) {
        Var value = msg.value().orElseThrow(() -> new IllegalStateException("site '" + msg.name() + "' has no value"));
        return new Site(msg.name(), msg.type(), value, msg.distribution(), msg.isObserved(), msg.scale(), msg.mask(),
                msg.constraint(), msg.plates(), msg.declaredPlate(), msg.logJacobian(),
                msg.enumDim(), msg.markovStep());
    }

    /** True for an unobserved sample site. */
    public boolean isLatent() {
        return type == SiteType.SAMPLE && !isObserved;
    }

    /** True for a latent site whose value is its whole support along {@link #enumDim()} (summed out, not drawn). */
    public boolean isEnumerated() {
        return enumDim.isPresent();
    }

    /**
     * The site's log-density term {@code scale · mask ⊙ log p(value)}, element-wise (batch shape);
     * the same term an ELBO sums. When the value came from unconstrained coordinates {@code u}
     * (a replayed {@code Unconstrained} guide site), the term is that of {@code u}:
     * {@code log p(T(u)) + log |det ∂T/∂u|}. Only for sample sites.
     */
    public Var logProb() {
        Var lp = unscaledLogProb();
        return scale == 1.0 ? lp : lp.mul(scale);
    }

    /**
     * {@code mask ⊙ log p(value)} (with the log-Jacobian of a mapped value) before the
     * {@link #scale()}: what enumeration needs, which must scale a plate's terms after it has
     * summed out the enumerated sites inside them, not before. Only for sample sites.
     */
    public Var unscaledLogProb() {
        Distribution d = distribution.orElseThrow(
                () -> new IllegalStateException("site '" + name + "' is a " + type + " site and has no log-density"));
        Var lp = d.logProb(value);
        if (logJacobian.isPresent()) {
            lp = lp.add(logJacobian.get());
        }
        if (mask.isPresent()) {
            lp = Var.where(mask.get(), lp, Var.constant(0.0));
        }
        return lp;
    }
}
