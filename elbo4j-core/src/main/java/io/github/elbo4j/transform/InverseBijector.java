package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import java.util.Objects;

/**
 * The inverse {@code f⁻¹} of a bijector {@code f}, from {@code f}'s codomain onto its domain.
 * Made by {@link Bijector#inverted}; inverting it again gives {@code f} back.
 *
 * @param base the bijector {@code f} being inverted
 */
public record InverseBijector(Bijector base) implements Bijector {

    /** Requires a base bijector. */
    public InverseBijector {
        Objects.requireNonNull(base, "base");
    }

    /** {@code f⁻¹(x)}. */
    @Override
    public Var forward(Var x) {
        return base.inverse(x);
    }

    /** {@code f(y)}. */
    @Override
    public Var inverse(Var y) {
        return base.forward(y);
    }

    /**
     * {@code log |det ∂f⁻¹/∂x| = -log |det ∂f/∂u|} at {@code u = f⁻¹(x) = y}: the Jacobian of the
     * inverse is the inverse of the Jacobian (inverse function theorem). Shaped as {@code f}'s.
     */
    @Override
    public Var logAbsDetJacobian(Var x, Var y) {
        return base.logAbsDetJacobian(y, x).neg();
    }

    @Override
    public Constraint domain() {
        return base.codomain();
    }

    @Override
    public Constraint codomain() {
        return base.domain();
    }

    @Override
    public int domainEventRank() {
        return base.codomainEventRank();
    }

    @Override
    public int codomainEventRank() {
        return base.domainEventRank();
    }

    @Override
    public int[] forwardShape(int[] shape) {
        return base.inverseShape(shape);
    }

    @Override
    public int[] inverseShape(int[] shape) {
        return base.forwardShape(shape);
    }

    /** {@code f} itself. */
    @Override
    public Bijector inverted() {
        return base;
    }
}
