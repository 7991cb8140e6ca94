package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;

/**
 * Broadcasting arithmetic: each forward rule with its vector-Jacobian product. Gradients of a
 * broadcast operand are summed back to its shape ({@link Tensor#sumToShapeOf}).
 */
final class ArithmeticOps {

    private ArithmeticOps() {
    }

    static Var add(Var a, Var b) {
        Tensor out = a.value().add(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            if (a.isTracked()) {
                adj.add(a, g.sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, g.sumToShapeOf(b.value()));
            }
        });
    }

    static Var sub(Var a, Var b) {
        Tensor out = a.value().sub(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            if (a.isTracked()) {
                adj.add(a, g.sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, g.neg().sumToShapeOf(b.value()));
            }
        });
    }

    /** {@code d(ab) = b da + a db}. */
    static Var mul(Var a, Var b) {
        Tensor out = a.value().mul(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            if (a.isTracked()) {
                adj.add(a, g.mul(b.value()).sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, g.mul(a.value()).sumToShapeOf(b.value()));
            }
        });
    }

    /** {@code d(a/b) = da / b - (a/b) db / b}. */
    static Var div(Var a, Var b) {
        Tensor out = a.value().div(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            Tensor gOverB = g.div(b.value());
            if (a.isTracked()) {
                adj.add(a, gOverB.sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, gOverB.mul(out).neg().sumToShapeOf(b.value()));
            }
        });
    }

    /**
     * {@code y = a^b}: {@code ∂y/∂a = b a^(b-1)}, {@code ∂y/∂b = y log a}; the latter is taken as 0
     * where {@code y = 0} (so {@code 0^b} with {@code b > 0} has a finite gradient, as in PyTorch).
     */
    static Var pow(Var a, Var b) {
        Tensor out = a.value().pow(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            if (a.isTracked()) {
                adj.add(a, g.mul(b.value()).mul(a.value().pow(b.value().sub(1.0))).sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                Tensor zero = Tensor.scalar(0.0);
                Tensor logA = Tensor.where(out.eq(zero), zero, a.value().log());
                adj.add(b, g.mul(out).mul(logA).sumToShapeOf(b.value()));
            }
        });
    }

    /** {@code y = a^c} for a constant exponent: {@code ∂y/∂a = c a^(c-1)}. */
    static Var pow(Var a, double c) {
        Tensor out = a.value().pow(c);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        return a.tape().record(out, (g, adj) -> adj.add(a, g.mul(a.value().pow(c - 1.0).mul(c))));
    }

    /**
     * Element-wise maximum ({@code isMax = true}) or minimum. The gradient goes to the selected
     * operand and is split equally on ties.
     */
    static Var extremum(Var a, Var b, boolean isMax) {
        Tensor out = isMax ? a.value().maximum(b.value()) : a.value().minimum(b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            Tensor aWins = isMax ? a.value().gt(b.value()) : a.value().lt(b.value());
            Tensor share = aWins.add(a.value().eq(b.value()).mul(0.5));
            if (a.isTracked()) {
                adj.add(a, g.mul(share).sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, g.mul(share.rsub(1.0)).sumToShapeOf(b.value()));
            }
        });
    }

    /** {@code condition != 0 ? a : b}; the gradient flows to the selected branch only. */
    static Var where(Tensor condition, Var a, Var b) {
        Tensor out = Tensor.where(condition, a.value(), b.value());
        Tape t = Tape.of(a, b);
        if (t == null) {
            return Var.constant(out);
        }
        return t.record(out, (g, adj) -> {
            Tensor zero = Tensor.scalar(0.0);
            if (a.isTracked()) {
                adj.add(a, Tensor.where(condition, g, zero).sumToShapeOf(a.value()));
            }
            if (b.isTracked()) {
                adj.add(b, Tensor.where(condition, zero, g).sumToShapeOf(b.value()));
            }
        });
    }
}
