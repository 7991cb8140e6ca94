package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The registry from a {@link Constraint} to a bijection from unconstrained reals onto it, keyed
 * by the constraint's record class (as NumPyro's {@code biject_to}; Kucukelbir et al., "Automatic
 * Differentiation Variational Inference", JMLR 18(14), 2017, sec. 2.3). The registry is fixed
 * and immutable; there is one entry per continuous case of {@link Constraint}.
 */
public final class Bijectors {

    private static final Map<Class<? extends Constraint>, Function<Constraint, Bijector>> REGISTRY = Map.ofEntries(
            entry(Constraint.Real.class, c -> Identity.of()),
            entry(Constraint.RealVector.class, c -> Identity.of()),
            entry(Constraint.Positive.class, c -> Exp.of()),
            entry(Constraint.NonNegative.class, c -> Exp.of()),
            entry(Constraint.GreaterThan.class, c -> Exp.of().then(
                    Affine.between(c.lower(), 1.0, new Constraint.Positive(), c))),
            entry(Constraint.Interval.class, c -> Sigmoid.of().then(
                    Affine.between(c.lower(), c.upper() - c.lower(), new Constraint.Interval(0.0, 1.0), c))),
            entry(Constraint.VarGreaterThan.class, c -> Exp.of().then(
                    Affine.between(c.lower(), Var.constant(1.0), new Constraint.Positive(), c))),
            entry(Constraint.VarInterval.class, c -> Sigmoid.of().then(
                    Affine.between(c.lower(), c.upper().sub(c.lower()), new Constraint.Interval(0.0, 1.0), c))),
            entry(Constraint.Simplex.class, c -> StickBreaking.of()),
            entry(Constraint.OrderedVector.class, c -> Ordered.of()),
            entry(Constraint.PositiveOrderedVector.class, c -> PositiveOrdered.of()),
            entry(Constraint.LowerCholesky.class, c -> LowerCholeskyBijector.of()),
            entry(Constraint.CorrCholesky.class, c -> CorrCholeskyBijector.of()),
            entry(Constraint.PositiveDefinite.class, c -> LowerCholeskyBijector.of().then(CholeskyOuterProduct.of())));

    private Bijectors() {
    }

    /**
     * A bijector from unconstrained reals onto {@code constraint}:
     * <ul>
     *   <li>real line, real vectors: {@link Identity};</li>
     *   <li>{@code x > 0}: {@link Exp};</li>
     *   <li>{@code x >= 0}: {@link Exp}, onto {@code (0, ∞)}: the boundary 0 is never reached (it has
     *       measure zero, but a density that is infinite at 0 is not explored near it);</li>
     *   <li>{@code x > lower}: {@link Exp} then {@code y ↦ lower + y};</li>
     *   <li>{@code lower <= x <= upper}: {@link Sigmoid} then {@code y ↦ lower + (upper - lower) y},
     *       onto the open interval (in double precision the ends are reached once {@code σ(x)} rounds
     *       to 0 or 1, for {@code |x|} beyond about 37 at the upper end);</li>
     *   <li>the same two with {@link Var} bounds ({@link Constraint.VarGreaterThan},
     *       {@link Constraint.VarInterval}): the same maps with the bounds' current values, element-wise
     *       and differentiable in them (the bijector belongs to one run of a model);</li>
     *   <li>simplex: {@link StickBreaking}; ordered vectors: {@link Ordered}; positive ordered
     *       vectors: {@link PositiveOrdered};</li>
     *   <li>lower Cholesky factors: {@link LowerCholeskyBijector}; Cholesky factors of correlation
     *       matrices: {@link CorrCholeskyBijector};</li>
     *   <li>positive-definite matrices: {@link LowerCholeskyBijector} then {@link CholeskyOuterProduct}.</li>
     * </ul>
     *
     * @throws IllegalArgumentException for a discrete constraint (there is no bijection from a
     *     continuum onto a countable set), naming it
     */
    public static Bijector bijectTo(Constraint constraint) {
        Objects.requireNonNull(constraint, "constraint");
        if (constraint.isDiscrete()) {
            throw new IllegalArgumentException("no bijection from the real line onto " + constraint + ": it is discrete");
        }
        Function<Constraint, Bijector> make = REGISTRY.get(constraint.getClass());
        if (make == null) {
            throw new IllegalArgumentException("no bijection registered for the constraint " + constraint
                    + " (type " + constraint.getClass().getSimpleName() + ")");
        }
        return make.apply(constraint);
    }

    /** A registry entry whose factory receives the constraint already cast to its own type. */
    private static <C extends Constraint> Map.Entry<Class<? extends Constraint>, Function<Constraint, Bijector>> entry(
            Class<C> type, Function<C, Bijector> make) {
        return Map.entry(type, c -> make.apply(type.cast(c)));
    }
}
