package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * A reverse-mode automatic-differentiation tape (Griewank &amp; Walther, "Evaluating
 * Derivatives", 2nd ed., SIAM 2008, ch. 3). Operations on tracked {@link Var}s append one node
 * each, in evaluation order, so the tape is already a topological order and the backward sweep
 * is a single reverse loop (no recursion, no sorting).
 *
 * <p>There is no global tape: create one per gradient evaluation (or per thread) and pass it
 * around. A tape is not thread-safe; two tapes in two threads never interact. Values that are
 * data ({@link Tensor}s or {@link Var#constant constants}) never enter a tape.
 */
public final class Tape {

    /** Each node's backward rule, by index; null for a leaf. */
    private final List<Backward> rules = new ArrayList<>();

    /** A new, empty tape. */
    public Tape() {
    }

    /** A leaf to differentiate with respect to. */
    public Var variable(Tensor value) {
        return append(value, null);
    }

    /** A scalar leaf to differentiate with respect to. */
    public Var variable(double value) {
        return variable(Tensor.scalar(value));
    }

    /** Number of recorded nodes (leaves included). */
    public int size() {
        return rules.size();
    }

    /**
     * Gradients of the one-element {@code output} with respect to {@code wrt}: {@code ∂output/∂w}
     * for each {@code w}, with the shape of {@code w}. A leaf that {@code output} does not depend
     * on gets zeros.
     */
    public Gradients gradient(Var output, Var... wrt) {
        if (output.value().size() != 1) {
            throw new IllegalArgumentException("gradient needs a one-element output, got shape "
                    + java.util.Arrays.toString(output.value().shape()) + "; use vjp with a cotangent");
        }
        return vjp(output, Tensor.ones(output.value().shape()), wrt);
    }

    /**
     * Vector-Jacobian product: {@code Σ_i cotangent_i ∂output_i/∂w} for each {@code w} in
     * {@code wrt}. {@code cotangent} must have {@code output}'s shape.
     */
    public Gradients vjp(Var output, Tensor cotangent, Var... wrt) {
        if (!cotangent.sameShape(output.value())) {
            throw new IllegalArgumentException("cotangent shape " + java.util.Arrays.toString(cotangent.shape())
                    + " must equal the output shape " + java.util.Arrays.toString(output.value().shape()));
        }
        for (Var w : wrt) {
            if (w.index() >= 0 && w.tape() != this) {
                throw new IllegalArgumentException("a variable in wrt belongs to another tape");
            }
        }
        Tensor[] result = new Tensor[wrt.length];
        if (output.index() < 0 || output.tape() != this) {
            if (output.index() >= 0) {
                throw new IllegalArgumentException("the output belongs to another tape");
            }
            return Gradients.of(wrt, result);
        }
        boolean[] keep = new boolean[output.index() + 1];
        for (Var w : wrt) {
            if (w.index() >= 0 && w.index() < keep.length) {
                keep[w.index()] = true;
            }
        }
        Adjoints adjoints = new Adjoints(output.index() + 1);
        adjoints.set(output.index(), cotangent);
        for (int i = output.index(); i >= 0; i--) {
            Tensor g = adjoints.get(i);
            if (g == null) {
                continue;
            }
            Backward rule = rules.get(i);
            if (rule != null) {
                rule.propagate(g, adjoints);
                if (!keep[i]) {
                    adjoints.clear(i);
                }
            }
        }
        for (int k = 0; k < wrt.length; k++) {
            int i = wrt[k].index();
            result[k] = i >= 0 && i < keep.length ? adjoints.get(i) : null;
        }
        return Gradients.of(wrt, result);
    }

    /** Records the result of an operation whose inputs include a tracked value. */
    Var record(Tensor value, Backward backward) {
        return append(value, backward);
    }

    private Var append(Tensor value, Backward backward) {
        Var v = new Var(value, this, rules.size());
        rules.add(backward);
        return v;
    }

    /** The tape that records an operation on {@code a} and {@code b}, or null when both are constants. */
    static Tape of(Var a, Var b) {
        Tape ta = a.tape();
        Tape tb = b.tape();
        if (ta == null) {
            return tb;
        }
        if (tb != null && tb != ta) {
            throw new IllegalArgumentException("cannot combine variables from two different tapes");
        }
        return ta;
    }

    /** The tape shared by the tracked values among {@code vars}, or null when all are constants. */
    static Tape of(Var... vars) {
        Tape t = null;
        for (Var v : vars) {
            Tape tv = v.tape();
            if (tv != null) {
                if (t != null && t != tv) {
                    throw new IllegalArgumentException("cannot combine variables from two different tapes");
                }
                t = tv;
            }
        }
        return t;
    }
}
