package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * What sums and products of two kernels share: the operands, the hyperparameters ({@code k₁}'s then
 * {@code k₂}'s, named {@code left.…} and {@code right.…}), the input dimension, and the kernel matrix
 * and diagonal as {@code combine(k₁(x, x'), k₂(x, x'))} elementwise.
 */
abstract class Composition {

    private final Kernel left;
    private final Kernel right;

    Composition(Kernel left, Kernel right) {
        this.left = left;
        this.right = right;
    }

    /** The elementwise operation: {@code +} for a sum, {@code ×} for a product. */
    abstract Var combine(Var a, Var b);

    /** The operation's symbol in {@link #toString()}. */
    abstract String symbol();

    /** The left operand. */
    public Kernel left() {
        return left;
    }

    /** The right operand. */
    public Kernel right() {
        return right;
    }

    public int parameterCount() {
        return left.parameterCount() + right.parameterCount();
    }

    public Tensor parameters() {
        return Tensor.concat(0, left.parameters(), right.parameters());
    }

    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (String n : left.parameterNames()) {
            names.add("left." + n);
        }
        for (String n : right.parameterNames()) {
            names.add("right." + n);
        }
        return names;
    }

    public OptionalInt inputDimension() {
        return left.inputDimension().isPresent() ? left.inputDimension() : right.inputDimension();
    }

    public Var matrix(Var u, Var x1, Var x2) {
        int a = left.parameterCount();
        return combine(left.matrix(u.slice(0, 0, a), x1, x2), right.matrix(u.slice(0, a, parameterCount()), x1, x2));
    }

    public Var diagonal(Var u, Var x) {
        int a = left.parameterCount();
        return combine(left.diagonal(u.slice(0, 0, a), x), right.diagonal(u.slice(0, a, parameterCount()), x));
    }

    /** The two operands with the hyperparameters {@code u} (left's first), checked against this kernel's. */
    Kernel[] operandsWith(Tensor u) {
        Hyperparameters.checkReplacement(getClass().getSimpleName(), u, parameterCount(), parameterNames());
        int a = left.parameterCount();
        return new Kernel[] {left.withParameters(u.slice(0, 0, a)), right.withParameters(u.slice(0, a, u.size()))};
    }

    @Override
    public String toString() {
        return "(" + left + " " + symbol() + " " + right + ")";
    }

    static void checkDimensions(String what, Kernel left, Kernel right) {
        OptionalInt a = left.inputDimension();
        OptionalInt b = right.inputDimension();
        if (a.isPresent() && b.isPresent() && a.getAsInt() != b.getAsInt()) {
            throw new IllegalArgumentException(what + " operands need the same input dimension, got "
                    + a.getAsInt() + " (" + left + ") and " + b.getAsInt() + " (" + right + ")");
        }
    }
}
