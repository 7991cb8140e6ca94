package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * Differentiable Cholesky factorization, triangular and Cholesky solves, log-determinants,
 * inverses, diagonals and triangles, batched over leading axes (see {@link LinearAlgebra}): each
 * forward rule with its vector-Jacobian product. {@code X̄} is the adjoint of the output; inputs
 * whose batch axes were broadcast get their adjoint summed back to their shape.
 *
 * <p>A factor {@code L} is lower triangular: the forward rules read only its lower triangle, so
 * its adjoint is restricted to that triangle ({@code tril}) and the entries above the diagonal get
 * zero. A symmetric input {@code A} is read through its lower triangle too, but its adjoint is
 * the symmetric one: the gradient of {@code A ↦ f(½(A + Aᵀ))}, equal to the forward function on
 * symmetric {@code A}. That is the gradient along every symmetric perturbation, which is all a
 * symmetric matrix can receive (the convention of PyTorch and JAX).
 *
 * <p>Sources: Murray, "Differentiation of the Cholesky decomposition", arXiv:1602.07527, 2016;
 * Giles, "An extended collection of matrix derivative results for forward and reverse mode
 * algorithmic differentiation", Oxford NA report 08/01, 2008 (inverse, determinant, solve).
 */
final class DecompositionOps {

    private DecompositionOps() {
    }

    /**
     * {@code L = chol(A)}. From {@code dA = dL Lᵀ + L dLᵀ}: {@code L⁻¹ dA L⁻ᵀ = X + Xᵀ} with
     * {@code X = L⁻¹ dL} lower triangular, so {@code dL = L Φ(L⁻¹ dA L⁻ᵀ)}, {@code Φ} = lower
     * triangle with the diagonal halved. {@code Φ} is self-adjoint, hence
     * {@code ⟨L̄, dL⟩ = ⟨S, dA⟩} with {@code S = L⁻ᵀ Φ(Lᵀ L̄) L⁻¹}, and symmetrized
     * {@code Ā = ½ (S + Sᵀ)} (Murray 2016, §3). Entries of {@code L̄} above the diagonal drop
     * out in {@code Φ}.
     */
    static Var cholesky(Var a) {
        Tensor l = LinearAlgebra.cholesky(a.value());
        if (!a.isTracked()) {
            return Var.constant(l);
        }
        return a.tape().record(l, (g, adj) -> {
            Tensor p = phi(l.transpose().matmul(g));
            Tensor y = LinearAlgebra.triangularSolve(l, p, true, true); // L⁻ᵀ P
            Tensor s = LinearAlgebra.triangularSolve(l, y.transpose(), true, true).transpose(); // Y L⁻¹
            adj.add(a, s.add(s.transpose()).mul(0.5));
        });
    }

    /**
     * {@code X = op(L)⁻¹ B}, {@code T = op(L)}. From {@code dX = T⁻¹ (dB - dT X)}:
     * {@code B̄ = T⁻ᵀ X̄} (a solve with the opposite transpose) and {@code T̄ = -B̄ Xᵀ}, so
     * {@code L̄ = tri(-B̄ Xᵀ)} or, when transposed, {@code tri(-X B̄ᵀ)}, {@code tri} being the
     * triangle that is read (Giles 2008). A vector {@code b} is handled as an
     * {@code n×1} matrix.
     */
    static Var triangularSolve(Var l, Var b, boolean lower, boolean transpose) {
        Tensor x = LinearAlgebra.triangularSolve(l.value(), b.value(), lower, transpose);
        Tape t = Tape.of(l, b);
        if (t == null) {
            return Var.constant(x);
        }
        return t.record(x, (g, adj) -> {
            Tensor gm = asColumns(g, b.value());
            Tensor gb = LinearAlgebra.triangularSolve(l.value(), gm, lower, !transpose);
            if (b.isTracked()) {
                adj.add(b, gb.sumTo(asColumns(b.value(), b.value()).shape()).reshape(b.value().shape()));
            }
            if (l.isTracked()) {
                Tensor xm = asColumns(x, b.value());
                Tensor gt = transpose ? xm.matmul(gb.transpose()).neg() : gb.matmul(xm.transpose()).neg();
                Tensor gl = lower ? LinearAlgebra.tril(gt, 0) : LinearAlgebra.triu(gt, 0);
                adj.add(l, gl.sumToShapeOf(l.value()));
            }
        });
    }

    /**
     * {@code X = A⁻¹ B} with {@code A = L Lᵀ}. From {@code dX = A⁻¹ (dB - dA X)}:
     * {@code B̄ = A⁻¹ X̄} and {@code Ā = -B̄ Xᵀ} (Giles 2008); then
     * {@code dA = dL Lᵀ + L dLᵀ} gives {@code L̄ = tril((Ā + Āᵀ) L)}.
     */
    static Var choleskySolve(Var l, Var b) {
        Tensor x = LinearAlgebra.choleskySolve(l.value(), b.value());
        Tape t = Tape.of(l, b);
        if (t == null) {
            return Var.constant(x);
        }
        return t.record(x, (g, adj) -> {
            Tensor gb = LinearAlgebra.choleskySolve(l.value(), asColumns(g, b.value()));
            if (b.isTracked()) {
                adj.add(b, gb.sumTo(asColumns(b.value(), b.value()).shape()).reshape(b.value().shape()));
            }
            if (l.isTracked()) {
                Tensor abar = gb.matmul(asColumns(x, b.value()).transpose()).neg();
                adj.add(l, factorAdjoint(abar, l.value()).sumToShapeOf(l.value()));
            }
        });
    }

    /**
     * {@code y = 2 Σ_i log |L_ii|}: {@code ∂y/∂L_ii = 2 / L_ii}, zero off the diagonal, so
     * {@code L̄ = diag(2 ȳ / L_ii)}.
     */
    static Var logDetFromCholesky(Var l) {
        Tensor y = LinearAlgebra.logDetFromCholesky(l.value());
        if (!l.isTracked()) {
            return Var.constant(y);
        }
        return l.tape().record(y, (g, adj) -> {
            Tensor d = LinearAlgebra.diagonal(l.value());
            adj.add(l, LinearAlgebra.diagEmbed(g.unsqueeze(-1).mul(2.0).div(d)));
        });
    }

    /**
     * {@code y = log det A} for symmetric positive-definite {@code A} via its Cholesky factor:
     * {@code Ā = ȳ A⁻ᵀ = ȳ A⁻¹} (Giles 2008), symmetric already; {@code A⁻¹} comes from
     * the factor of the forward pass.
     */
    static Var logDet(Var a) {
        Tensor l = LinearAlgebra.cholesky(a.value());
        Tensor y = LinearAlgebra.logDetFromCholesky(l);
        if (!a.isTracked()) {
            return Var.constant(y);
        }
        return a.tape().record(y, (g, adj) ->
                adj.add(a, LinearAlgebra.choleskyInverse(l).mul(g.unsqueeze(-1).unsqueeze(-1))));
    }

    /**
     * {@code Y = (L Lᵀ)⁻¹}. From {@code dY = -Y dA Y}: {@code Ā = -Y Ȳ Y} (Giles 2008;
     * {@code Y} symmetric), then {@code L̄ = tril((Ā + Āᵀ) L)}.
     */
    static Var choleskyInverse(Var l) {
        Tensor y = LinearAlgebra.choleskyInverse(l.value());
        if (!l.isTracked()) {
            return Var.constant(y);
        }
        return l.tape().record(y, (g, adj) ->
                adj.add(l, factorAdjoint(y.matmul(g).matmul(y).neg(), l.value())));
    }

    /** {@code d = diag(A)}: {@code Ā = diag(d̄)}. */
    static Var diagonal(Var a) {
        Tensor d = LinearAlgebra.diagonal(a.value());
        if (!a.isTracked()) {
            return Var.constant(d);
        }
        return a.tape().record(d, (g, adj) -> adj.add(a, LinearAlgebra.diagEmbed(g)));
    }

    /** {@code D = diag(v)}: {@code v̄ = diag(D̄)}. */
    static Var diagEmbed(Var v) {
        Tensor m = LinearAlgebra.diagEmbed(v.value());
        if (!v.isTracked()) {
            return Var.constant(m);
        }
        return v.tape().record(m, (g, adj) -> adj.add(v, LinearAlgebra.diagonal(g)));
    }

    /** {@code tril(A, k)} or {@code triu(A, k)}: the adjoint is masked the same way. */
    static Var triangle(Var a, int k, boolean lower) {
        Tensor out = lower ? LinearAlgebra.tril(a.value(), k) : LinearAlgebra.triu(a.value(), k);
        if (!a.isTracked()) {
            return Var.constant(out);
        }
        return a.tape().record(out, (g, adj) ->
                adj.add(a, lower ? LinearAlgebra.tril(g, k) : LinearAlgebra.triu(g, k)));
    }

    /** {@code Φ(X)}: the lower triangle of {@code X} with its diagonal halved (Murray 2016, §3). */
    private static Tensor phi(Tensor x) {
        return LinearAlgebra.tril(x, -1).add(LinearAlgebra.diagEmbed(LinearAlgebra.diagonal(x).mul(0.5)));
    }

    /**
     * The adjoint of {@code L} given {@code Ā} for {@code A = L Lᵀ}:
     * {@code ⟨Ā, dL Lᵀ + L dLᵀ⟩ = ⟨(Ā + Āᵀ) L, dL⟩}, restricted to the lower triangle; only the
     * lower triangle of {@code l} is used, as in the forward rules.
     */
    private static Tensor factorAdjoint(Tensor abar, Tensor l) {
        return LinearAlgebra.tril(abar.add(abar.transpose()).matmul(LinearAlgebra.tril(l, 0)), 0);
    }

    /** {@code t} as {@code [..., n, k]}: a right-hand side {@code b} of rank 1 makes {@code t} a column. */
    private static Tensor asColumns(Tensor t, Tensor b) {
        return b.rank() == 1 ? t.unsqueeze(-1) : t;
    }
}
