package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.ElementwiseFunction;
import io.github.elbo4j.tensor.Index;
import io.github.elbo4j.tensor.Tensor;

/**
 * A tensor-valued node of a reverse-mode {@link Tape}: one object per array, never per scalar.
 * A tracked {@code Var} (a leaf made by {@link Tape#variable} or the result of an operation on
 * one) is recorded on its tape; a {@link #constant} is not, and operations on constants only are
 * not recorded either. Every method returns a new {@code Var}; each operation's vector-Jacobian
 * product lives next to its forward rule in the package's {@code *Ops} classes.
 */
public final class Var {

    private final Tensor value;
    private final Tape tape;
    private final int index;

    Var(Tensor value, Tape tape, int index) {
        this.value = value;
        this.tape = tape;
        this.index = index;
    }

    /** A value that is not differentiated (data, or a stopped gradient). */
    public static Var constant(Tensor value) {
        return new Var(value, null, -1);
    }

    /** A scalar constant. */
    public static Var constant(double value) {
        return constant(Tensor.scalar(value));
    }

    /** The value. */
    public Tensor value() {
        return value;
    }

    /** The only element of a one-element value. */
    public double item() {
        return value.item();
    }

    /** The shape of the value (a copy). */
    public int[] shape() {
        return value.shape();
    }

    /** True when gradients flow through this value (it is recorded on a tape). */
    public boolean isTracked() {
        return index >= 0;
    }

    /** The same value with the gradient stopped: a constant. */
    public Var detach() {
        return constant(value);
    }

    Tape tape() {
        return tape;
    }

    int index() {
        return index;
    }

    // ---- arithmetic (NumPy broadcasting) ------------------------------------------------

    /** {@code this + other}. */
    public Var add(Var other) {
        return ArithmeticOps.add(this, other);
    }

    /** {@code this + other} (other is data). */
    public Var add(Tensor other) {
        return ArithmeticOps.add(this, constant(other));
    }

    /** {@code this + c}. */
    public Var add(double c) {
        return ArithmeticOps.add(this, constant(c));
    }

    /** {@code this - other}. */
    public Var sub(Var other) {
        return ArithmeticOps.sub(this, other);
    }

    /** {@code this - other} (other is data). */
    public Var sub(Tensor other) {
        return ArithmeticOps.sub(this, constant(other));
    }

    /** {@code this - c}. */
    public Var sub(double c) {
        return ArithmeticOps.sub(this, constant(c));
    }

    /** {@code c - this}. */
    public Var rsub(double c) {
        return ArithmeticOps.sub(constant(c), this);
    }

    /** {@code this * other}. */
    public Var mul(Var other) {
        return ArithmeticOps.mul(this, other);
    }

    /** {@code this * other} (other is data). */
    public Var mul(Tensor other) {
        return ArithmeticOps.mul(this, constant(other));
    }

    /** {@code this * c}. */
    public Var mul(double c) {
        return ArithmeticOps.mul(this, constant(c));
    }

    /** {@code this / other}. */
    public Var div(Var other) {
        return ArithmeticOps.div(this, other);
    }

    /** {@code this / other} (other is data). */
    public Var div(Tensor other) {
        return ArithmeticOps.div(this, constant(other));
    }

    /** {@code this / c}. */
    public Var div(double c) {
        return ArithmeticOps.div(this, constant(c));
    }

    /** {@code c / this}. */
    public Var rdiv(double c) {
        return ArithmeticOps.div(constant(c), this);
    }

    /** {@code this ^ other}. */
    public Var pow(Var other) {
        return ArithmeticOps.pow(this, other);
    }

    /** {@code this ^ c}. */
    public Var pow(double c) {
        return ArithmeticOps.pow(this, c);
    }

    /** Element-wise maximum (gradient split equally on ties). */
    public Var maximum(Var other) {
        return ArithmeticOps.extremum(this, other, true);
    }

    /** Element-wise minimum (gradient split equally on ties). */
    public Var minimum(Var other) {
        return ArithmeticOps.extremum(this, other, false);
    }

    /** {@code condition != 0 ? a : b}; the gradient flows to the selected branch. */
    public static Var where(Tensor condition, Var a, Var b) {
        return ArithmeticOps.where(condition, a, b);
    }

    // ---- element-wise functions -------------------------------------------------------------

    /** A differentiable element-wise function (all but {@code SIGN} and {@code TRIGAMMA}). */
    public Var apply(ElementwiseFunction f) {
        return FunctionOps.apply(this, f);
    }

    /** {@code -this}. */
    public Var neg() {
        return apply(ElementwiseFunction.NEG);
    }

    /** {@code e^this}. */
    public Var exp() {
        return apply(ElementwiseFunction.EXP);
    }

    /** {@code log this}. */
    public Var log() {
        return apply(ElementwiseFunction.LOG);
    }

    /** {@code log(1 + this)}. */
    public Var log1p() {
        return apply(ElementwiseFunction.LOG1P);
    }

    /** {@code √this}. */
    public Var sqrt() {
        return apply(ElementwiseFunction.SQRT);
    }

    /** {@code this²}. */
    public Var square() {
        return apply(ElementwiseFunction.SQUARE);
    }

    /** {@code tanh this}. */
    public Var tanh() {
        return apply(ElementwiseFunction.TANH);
    }

    /** {@code 1 / (1 + e^{-this})}. */
    public Var sigmoid() {
        return apply(ElementwiseFunction.SIGMOID);
    }

    /** {@code log(1 + e^this)}. */
    public Var softplus() {
        return apply(ElementwiseFunction.SOFTPLUS);
    }

    /** {@code log σ(this)}. */
    public Var logSigmoid() {
        return apply(ElementwiseFunction.LOG_SIGMOID);
    }

    /** {@code log Γ(this)}. */
    public Var lgamma() {
        return apply(ElementwiseFunction.LGAMMA);
    }

    // ---- reductions ---------------------------------------------------------------------

    /** Sum over {@code axes} (all when none). */
    public Var sum(int... axes) {
        return ReductionOps.sum(this, axes);
    }

    /** Mean over {@code axes} (all when none). */
    public Var mean(int... axes) {
        return ReductionOps.mean(this, axes);
    }

    /** Maximum over {@code axes} (all when none). */
    public Var max(int... axes) {
        return ReductionOps.extremum(this, axes, true);
    }

    /** Minimum over {@code axes} (all when none). */
    public Var min(int... axes) {
        return ReductionOps.extremum(this, axes, false);
    }

    /** Product over {@code axes} (all when none). */
    public Var prod(int... axes) {
        return ReductionOps.prod(this, axes);
    }

    /** {@code log Σ exp} over {@code axes} (all when none), computed stably. */
    public Var logSumExp(int... axes) {
        return ReductionOps.logSumExp(this, axes);
    }

    /** The running sum along {@code axis} ({@link Tensor#cumsum}); its adjoint is the reverse running sum. */
    public Var cumsum(int axis) {
        return CumulativeOps.cumsum(this, axis);
    }

    // ---- shape and indexing -------------------------------------------------------------

    /** The same elements in a new shape (one -1 inferred). */
    public Var reshape(int... shape) {
        return ShapeOps.reshape(this, shape);
    }

    /** Swaps the last two axes. */
    public Var transpose() {
        return ShapeOps.transpose(this);
    }

    /** Reorders axes: axis {@code k} of the result is axis {@code perm[k]}. */
    public Var permute(int... perm) {
        return ShapeOps.permute(this, perm);
    }

    /** Broadcasts to {@code shape}. */
    public Var broadcastTo(int... shape) {
        return ShapeOps.broadcastTo(this, shape);
    }

    /** Elements {@code start <= k < end} along {@code axis}. */
    public Var slice(int axis, int start, int end) {
        return IndexOps.slice(this, axis, start, end);
    }

    /** {@code out[.., k, ..] = this[.., index[k], ..]}. */
    public Var indexSelect(int axis, int... index) {
        return IndexOps.indexSelect(this, axis, index);
    }

    /** {@code out[.., index[k], ..] += this[.., k, ..]} with {@code size} along {@code axis}. */
    public Var indexAdd(int axis, int[] index, int size) {
        return IndexOps.indexAdd(this, axis, index, size);
    }

    /** Element-wise gather along {@code axis} (as {@code torch.gather}). */
    public Var gather(int axis, Index index) {
        return IndexOps.gather(this, axis, index);
    }

    /** Adjoint of {@link #gather}, {@code size} along {@code axis}. */
    public Var scatterAdd(int axis, Index index, int size) {
        return IndexOps.scatterAdd(this, axis, index, size);
    }

    /**
     * Picks along {@code axis} by the integers in {@code index}, broadcasting (NumPy's
     * {@code x[..., index, :]}, Pyro's {@code Vindex}): for this of shape {@code B + [K] + T} and
     * {@code index} of shape {@code I}, the result has shape {@code broadcast(B, I) + T} with
     * {@code out[b, t] = this[b, index[b], t]}. The component means of a mixture at enumerated
     * labels {@code z} are {@code locs.take(-1, z.value())}; the rows of a transition matrix
     * {@code A} ({@code [K, K]}) at the previous states are {@code A.take(0, z.value())}.
     *
     * @throws IllegalArgumentException when an element of {@code index} is not an integer in {@code [0, K - 1]}
     */
    public Var take(int axis, Tensor index) {
        return IndexOps.take(this, axis, index);
    }

    /** Joins along an existing axis. */
    public static Var concat(int axis, Var... parts) {
        return IndexOps.concat(axis, parts);
    }

    /** Joins equal shapes along a new axis. */
    public static Var stack(int axis, Var... parts) {
        return IndexOps.stack(axis, parts);
    }

    // ---- linear algebra -------------------------------------------------------------------

    /** Batched matrix product (NumPy {@code matmul} rules). */
    public Var matmul(Var other) {
        return MatrixOps.matmul(this, other);
    }

    /** Batched matrix product with data. */
    public Var matmul(Tensor other) {
        return MatrixOps.matmul(this, constant(other));
    }

    /** Outer product of two vectors. */
    public Var outer(Var other) {
        return reshape(value.size(), 1).mul(other.reshape(1, other.value.size()));
    }

    @Override
    public String toString() {
        return (isTracked() ? "Var#" + index + " " : "Const ") + value;
    }

    // ---- decompositions, batched over leading axes (formulas in LinearAlgebra, VJPs in DecompositionOps) ----

    /** Cholesky factor {@code L}, {@code A = L Lᵀ}, of the lower triangle; symmetric gradient (Murray 2016, arXiv:1602.07527). */
    public Var cholesky() {
        return DecompositionOps.cholesky(this);
    }

    /** {@code X = op(L)⁻¹ B}, {@code op(L) = L} or {@code Lᵀ}, this being the triangular {@code L}; {@code B̄ = op(L)⁻ᵀ X̄} (Giles 2008). */
    public Var triangularSolve(Var b, boolean lower, boolean transpose) {
        return DecompositionOps.triangularSolve(this, b, lower, transpose);
    }

    /** {@code X = (L Lᵀ)⁻¹ B}, this being the Cholesky factor {@code L}; {@code B̄ = A⁻¹ X̄}, {@code Ā = -B̄ Xᵀ} (Giles 2008). */
    public Var choleskySolve(Var b) {
        return DecompositionOps.choleskySolve(this, b);
    }

    /** {@code log det(L Lᵀ) = 2 Σ log |L_ii|}, shape {@code [...]}; {@code L̄ = diag(2 ȳ / L_ii)}. */
    public Var logDetFromCholesky() {
        return DecompositionOps.logDetFromCholesky(this);
    }

    /** {@code log det A} of symmetric positive-definite {@code A} via Cholesky; {@code Ā = ȳ A⁻¹} (Giles 2008). */
    public Var logDet() {
        return DecompositionOps.logDet(this);
    }

    /** {@code (L Lᵀ)⁻¹}, this being the Cholesky factor {@code L}; {@code Ā = -Y Ȳ Y} (Giles 2008). */
    public Var choleskyInverse() {
        return DecompositionOps.choleskyInverse(this);
    }

    /** The diagonal {@code [..., n]} of square matrices {@code [..., n, n]}. */
    public Var diagonal() {
        return DecompositionOps.diagonal(this);
    }

    /** Diagonal matrices {@code [..., n, n]} with this {@code [..., n]} on the diagonal. */
    public Var diagEmbed() {
        return DecompositionOps.diagEmbed(this);
    }

    /** Entries with {@code j - i <= k}, zeros elsewhere ({@code numpy.tril}). */
    public Var tril(int k) {
        return DecompositionOps.triangle(this, k, true);
    }

    /** Entries with {@code j - i >= k}, zeros elsewhere ({@code numpy.triu}). */
    public Var triu(int k) {
        return DecompositionOps.triangle(this, k, false);
    }
}
