package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;

/**
 * Full-rank ADVI (Kucukelbir et al., JMLR 18(14), 2017, sec. 2.5): {@code u = μ + L ε} with
 * {@code L} lower-triangular with positive diagonal, so {@code q(u) = N(μ, L Lᵀ)} and
 * {@code log|det L| = Σ_i log L_ii}. {@code L} is parameterized by an unconstrained square
 * {@code auto_scale_raw}: strictly-lower entries as they are, diagonal {@code exp(raw_ii)}
 * (the upper triangle is unused and gets zero gradient).
 *
 * @param initScale the initial standard deviation of every coordinate (L₀ = initScale · I)
 */
public record AutoMultivariateNormal(double initScale) implements AutoGuide {

    /** Validates the initial scale. */
    public AutoMultivariateNormal {
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("AutoMultivariateNormal initScale must be finite and > 0, got " + initScale);
        }
    }

    @Override
    public Model guideFor(LatentLayout layout) {
        int d = layout.dimension();
        Tensor loc0 = layout.initialVector();
        Tensor raw0 = Tensor.eye(d).mul(Math.log(initScale));
        Tensor eye = Tensor.eye(d);
        Tensor strictLower = strictLower(d);
        return m -> {
            Var loc = m.param("auto_loc", loc0);
            Var raw = m.param("auto_scale_raw", raw0);
            Var tril = raw.mul(strictLower).add(raw.exp().mul(eye));
            Var eps = LatentSites.noise(m, layout);
            Var u = loc.add(eps.matmul(tril.transpose()));
            Var logDiag = raw.mul(eye).sum();
            LatentSites.emit(m, layout, u, logDiag.neg());
        };
    }

    /** The scale factor {@code L} from the raw parameter (for summaries). */
    public static Tensor scaleTril(Tensor raw) {
        int d = raw.dim(0);
        return raw.mul(strictLower(d)).add(raw.exp().mul(Tensor.eye(d)));
    }

    /** Ones strictly below the diagonal of a {@code d × d} matrix, zeros elsewhere. */
    private static Tensor strictLower(int d) {
        return LinearAlgebra.tril(Tensor.ones(d, d), -1);
    }
}
