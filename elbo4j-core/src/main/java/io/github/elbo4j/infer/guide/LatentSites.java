package io.github.elbo4j.infer.guide;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.tensor.Tensor;

/**
 * The shared tail of the continuous automatic guides: the guide draws {@code v} as the site
 * {@code _auto_latent} (particles are a batch axis), maps it to the flat unconstrained vector
 * {@code u = shift + C v}, then emits each latent site as a point mass at {@code T_s(u_s)}.
 * Log-densities: {@code log q(z) = log q(v) - log|det C| - Σ_s log|det ∂T_s/∂u_s|}; the middle
 * term rides on the {@code _auto_affine} site, the last on each latent site. A site whose
 * support has {@code Var} bounds (other latents) is emitted as {@code u_s} itself,
 * {@link Unconstrained}: the model maps it with the bounds of its run and adds the log-Jacobian.
 */
final class LatentSites {

    static final String LATENT = "_auto_latent";
    static final String AFFINE = "_auto_affine";

    private LatentSites() {
    }

    /**
     * Emits {@code u = shift + C v} ({@code v} of shape {@code [P, 1..., D]}) as a guide site
     * carrying {@code -log|det C|} unless {@code C} is the identity, then every latent site.
     */
    static void emit(ModelContext m, LatentLayout layout, Preconditioner pre, Var v) {
        Var u = pre.apply(v);
        if (!pre.isIdentity()) {
            int[] perParticle = perParticleShape(u, layout);
            m.sample(AFFINE, Delta.of(u, Var.constant(Tensor.full(-pre.logAbsDet(), perParticle)), u.value().rank()));
        }
        emitSites(m, layout, u);
    }

    /**
     * Emits every latent site as a point mass at {@code T_s(u_s)} carrying {@code -log|det ∂T_s/∂u_s|},
     * {@code u} having shape {@code [P, 1..., D]}.
     */
    static void emitSites(ModelContext m, LatentLayout layout, Var u) {
        int particles = u.shape()[0];
        int nesting = layout.maxPlateNesting();
        int[] perParticle = perParticleShape(u, layout);
        for (LatentLayout.Entry e : layout.entries()) {
            Var us = u.slice(-1, e.offset(), e.offset() + e.size());
            us = us.reshape(valueShape(e, particles, nesting));
            if (e.transform().codomain().isParameterized()) {
                // bounds that are other latents: the model site maps us by the bijector of its own run
                m.sample(e.name(), Unconstrained.of(Delta.of(us, us.value().rank())));
                continue;
            }
            Var x = e.transform().forward(us);
            Var ladj = e.transform().logAbsDetJacobian(us, x);
            Var ladjPerParticle = sumAllButFirst(ladj).reshape(perParticle);
            m.sample(e.name(), Delta.of(x, ladjPerParticle.neg(), x.value().rank()));
        }
    }

    /**
     * The shape contract of latent values ({@code ModelContext}) for entry {@code e}'s unconstrained
     * coordinates: {@code [P] + [1] * (n - batchRank) + unconstrainedShape}.
     */
    static int[] valueShape(LatentLayout.Entry e, int particles, int nesting) {
        int[] batch = java.util.Arrays.copyOf(e.unconstrainedShape(), e.batchRank());
        int[] event = java.util.Arrays.copyOfRange(e.unconstrainedShape(), e.batchRank(), e.unconstrainedShape().length);
        return LatentShape.valueShape(particles, nesting, batch, event);
    }

    private static int[] perParticleShape(Var u, LatentLayout layout) {
        int[] s = new int[layout.maxPlateNesting() + 1];
        java.util.Arrays.fill(s, 1);
        s[0] = u.shape()[0];
        return s;
    }

    private static Var sumAllButFirst(Var v) {
        int rank = v.value().rank();
        if (rank <= 1) {
            return rank == 0 ? v.reshape(1) : v;
        }
        int[] axes = new int[rank - 1];
        for (int i = 1; i < rank; i++) {
            axes[i - 1] = i;
        }
        return v.sum(axes);
    }
}
