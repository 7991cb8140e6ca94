package io.github.elbo4j.transform;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;

/**
 * The set a random variable lives in: the support of a distribution or the domain of a
 * bijector. A closed set of cases (as NumPyro's {@code constraints} module), each a record that
 * implements its own membership test: Java 17 has no pattern matching for {@code switch}, so the
 * cases are dispatched by their methods and by registries keyed on the record class.
 *
 * <p>{@link #check} tests membership over the batch; {@link #eventRank} says how many trailing
 * axes form one point (0 for scalars, 1 for vectors such as a simplex, 2 for matrices).
 */
public sealed interface Constraint permits Constraint.Real, Constraint.RealVector, Constraint.Positive, Constraint.NonNegative,
        Constraint.GreaterThan, Constraint.Interval, Constraint.VarGreaterThan, Constraint.VarInterval, Constraint.Simplex, Constraint.OrderedVector,
        Constraint.PositiveOrderedVector, Constraint.LowerCholesky, Constraint.CorrCholesky, Constraint.PositiveDefinite,
        Constraint.IntegerInterval, Constraint.NonNegativeInteger, Constraint.OneHot, Constraint.Multinomial {

    /** Tolerance of the equality tests (simplex sums, unit rows, symmetry). */
    double TOLERANCE = 1e-6;

    /** The real line. */
    static Constraint real() {
        return new Real();
    }

    /** {@code x > 0}. */
    static Constraint positive() {
        return new Positive();
    }

    /** {@code x > lower}. */
    static Constraint greaterThan(double lower) {
        return new GreaterThan(lower);
    }

    /** {@code lower <= x <= upper}. */
    static Constraint interval(double lower, double upper) {
        return new Interval(lower, upper);
    }

    /** The probability simplex (last axis). */
    static Constraint simplex() {
        return new Simplex();
    }

    /** Strictly increasing vectors (last axis). */
    static Constraint ordered() {
        return new OrderedVector();
    }

    /** Strictly increasing vectors of positive numbers (last axis). */
    static Constraint positiveOrdered() {
        return new PositiveOrderedVector();
    }

    /** Number of trailing axes that make up one point of the set. */
    int eventRank();

    /**
     * 1 where the point is in the set, 0 where it is not: the result has the value's shape with
     * the trailing {@link #eventRank} axes removed.
     */
    Tensor check(Tensor value);

    /**
     * True when every point of {@code value} lies in the set: {@code check(value)} is all ones.
     * Scalar constraints answer in one pass without allocating (the common case of valid data).
     */
    default boolean contains(Tensor value) {
        Tensor inside = check(value);
        return inside.size() == 0 || inside.min().item() == 1.0;
    }

    /** True for sets of integers (no bijection to the real line exists). */
    default boolean isDiscrete() {
        return false;
    }

    /**
     * True when the set's bounds are {@link Var}s ({@link VarInterval}, {@link VarGreaterThan}):
     * parameters of a distribution that may be functions of other latents and change from run to
     * run, so a bijector onto the set must be built from the bounds of each run.
     */
    default boolean isParameterized() {
        return false;
    }

    /** The real line (NaN is outside it). */
    record Real() implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public Tensor check(Tensor v) { return v.eq(v); }
        @Override public boolean contains(Tensor v) { return !v.anyNaN(); }
    }

    /**
     * Vectors of reals (NaN is outside): the support of a multivariate normal, whose draws are one
     * point of {@code ℝ^d} each, so membership is decided per vector (event rank 1).
     */
    record RealVector() implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public Tensor check(Tensor v) { return v.eq(v).min(-1); }
    }

    /** {@code x > 0}. */
    record Positive() implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public Tensor check(Tensor v) { return v.gt(Tensor.scalar(0.0)); }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x > 0); }
    }

    /** {@code x >= 0}. */
    record NonNegative() implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public Tensor check(Tensor v) { return v.ge(Tensor.scalar(0.0)); }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x >= 0); }
    }

    /** {@code x > lower}. */
    record GreaterThan(double lower) implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public Tensor check(Tensor v) { return v.gt(Tensor.scalar(lower)); }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x > lower); }
    }

    /** {@code lower <= x <= upper} (closed; a density on it may vanish at the ends). */
    record Interval(double lower, double upper) implements Constraint {
        public Interval {
            if (!(lower < upper)) {
                throw new IllegalArgumentException("Interval lower must be < upper, got [" + lower + ", " + upper + "]");
            }
        }

        @Override public int eventRank() { return 0; }
        @Override public Tensor check(Tensor v) { return v.ge(Tensor.scalar(lower)).mul(v.le(Tensor.scalar(upper))); }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x >= lower && x <= upper); }
    }

    /**
     * {@code x > lower} element-wise, with {@code lower} a {@link Var} that broadcasts against the
     * value: the support of a distribution whose lower bound is a parameter (NumPyro's
     * {@code greater_than} with array bounds). {@link Bijectors#bijectTo} builds the bijector from
     * this {@code lower}, differentiable in it.
     */
    record VarGreaterThan(Var lower) implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public boolean isParameterized() { return true; }
        @Override public Tensor check(Tensor v) { return v.gt(lower.value()); }
        @Override public String toString() { return "VarGreaterThan[lower=" + lower.value() + "]"; }
    }

    /**
     * {@code lower <= x <= upper} element-wise, with bounds that are {@link Var}s broadcasting
     * against the value: the support of {@code Uniform.of(low, high)} with per-element or latent
     * bounds ({@code Uniform.of(0, oneMinusZ1)}; NumPyro's {@code interval} with traced bounds).
     * {@link Bijectors#bijectTo} builds the bijector from these bounds, differentiable in them.
     */
    record VarInterval(Var lower, Var upper) implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public boolean isParameterized() { return true; }
        @Override public Tensor check(Tensor v) { return v.ge(lower.value()).mul(v.le(upper.value())); }
        @Override public String toString() { return "VarInterval[lower=" + lower.value() + ", upper=" + upper.value() + "]"; }
    }

    /** Vectors with non-negative entries summing to 1 (within {@link #TOLERANCE}). */
    record Simplex() implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public Tensor check(Tensor v) {
            Tensor nonNegative = v.ge(Tensor.scalar(0.0)).min(-1);
            return nonNegative.mul(v.sum(-1).sub(1.0).apply(io.github.elbo4j.tensor.ElementwiseFunction.ABS).le(Tensor.scalar(TOLERANCE)));
        }
    }

    /** Strictly increasing vectors. */
    record OrderedVector() implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public Tensor check(Tensor v) { return ConstraintChecks.increasing(v); }
    }

    /** Strictly increasing vectors of positive numbers: {@code 0 < x_0 < x_1 < ...}. */
    record PositiveOrderedVector() implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public Tensor check(Tensor v) {
            return ConstraintChecks.increasing(v).mul(v.slice(-1, 0, Math.min(1, v.dim(-1))).gt(Tensor.scalar(0.0)).min(-1));
        }
    }

    /** Lower-triangular matrices with a positive diagonal. */
    record LowerCholesky() implements Constraint {
        @Override public int eventRank() { return 2; }
        @Override public Tensor check(Tensor v) { return ConstraintChecks.lowerCholesky(v, false); }
    }

    /** Cholesky factors of correlation matrices: lower-triangular, positive diagonal, unit-norm rows. */
    record CorrCholesky() implements Constraint {
        @Override public int eventRank() { return 2; }
        @Override public Tensor check(Tensor v) { return ConstraintChecks.lowerCholesky(v, true); }
    }

    /** Symmetric positive-definite matrices. */
    record PositiveDefinite() implements Constraint {
        @Override public int eventRank() { return 2; }
        @Override public Tensor check(Tensor v) { return ConstraintChecks.positiveDefinite(v); }
    }

    /** Integers {@code lower <= k <= upper}. */
    record IntegerInterval(int lower, int upper) implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public boolean isDiscrete() { return true; }
        @Override public Tensor check(Tensor v) {
            return ConstraintChecks.integral(v).mul(v.ge(Tensor.scalar(lower))).mul(v.le(Tensor.scalar(upper)));
        }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x == Math.rint(x) && x >= lower && x <= upper); }
    }

    /** Integers {@code k >= 0}. */
    record NonNegativeInteger() implements Constraint {
        @Override public int eventRank() { return 0; }
        @Override public boolean isDiscrete() { return true; }
        @Override public Tensor check(Tensor v) { return ConstraintChecks.integral(v).mul(v.ge(Tensor.scalar(0.0))); }
        @Override public boolean contains(Tensor v) { return v.allMatch(x -> x == Math.rint(x) && x >= 0 && x < Double.POSITIVE_INFINITY); }
    }

    /** One-hot vectors: a single 1, all else 0. */
    record OneHot() implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public boolean isDiscrete() { return true; }
        @Override public Tensor check(Tensor v) {
            Tensor binary = v.eq(Tensor.scalar(0.0)).add(v.eq(Tensor.scalar(1.0))).min(-1);
            return binary.mul(v.sum(-1).eq(Tensor.scalar(1.0)));
        }
    }

    /** Vectors of non-negative integers summing to {@code total}. */
    record Multinomial(int total) implements Constraint {
        @Override public int eventRank() { return 1; }
        @Override public boolean isDiscrete() { return true; }
        @Override public Tensor check(Tensor v) {
            Tensor counts = ConstraintChecks.integral(v).mul(v.ge(Tensor.scalar(0.0))).min(-1);
            return counts.mul(v.sum(-1).eq(Tensor.scalar(total)));
        }
    }
}
