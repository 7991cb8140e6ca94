package io.github.elbo4j.infer.run;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Delta;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.Independent;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.LowRankMultivariateNormal;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.elbo.ParticleHandler;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.Message;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * The same standard normal draws on every run, for deterministic (sample-average) VI: a guide
 * site drawn from a Normal, a MultivariateNormal or a LowRankMultivariateNormal gets {@code z = μ + σ ⊙ ε},
 * {@code z = μ + L ε} or {@code z = μ + W ε₁ + √D ⊙ ε₂} with {@code ε} fixed per site, so the ELBO estimate is a smooth
 * deterministic function of the guide's parameters that a quasi-Newton method can minimize
 * (Giordano, Ingram &amp; Broderick, "Black box variational inference with a deterministic
 * objective", JMLR 25(18), 2024; Burroni, Domke &amp; Sheldon, UAI 2024).
 *
 * <p>The {@code P} draws of a site are moment-matched along the particle axis: centred, then
 * whitened so that their empirical covariance is exactly the identity when {@code P} exceeds the
 * number of coordinates (else each coordinate is scaled to unit variance). For a Gaussian
 * posterior the ELBO is then exact, whatever {@code P}: it depends on {@code ε} only through its
 * first two moments. Other sites are left to the particle handler (deltas) or refused.
 */
final class FixedNoise implements Handler {

    private final int particles;
    private final int maxPlateNesting;
    private final RandomStream rng;
    private final Map<String, Tensor> tables;
    private final int row;

    FixedNoise(int particles, int maxPlateNesting, RandomStream rng) {
        this(particles, maxPlateNesting, rng, new HashMap<>(), -1);
    }

    private FixedNoise(int particles, int maxPlateNesting, RandomStream rng, Map<String, Tensor> tables, int row) {
        this.particles = particles;
        this.maxPlateNesting = maxPlateNesting;
        this.rng = rng;
        this.tables = tables;
        this.row = row;
    }

    /** The same draws, one particle at a time: the view gives particle {@code r} alone (a particle axis of 1). */
    FixedNoise row(int r) {
        return new FixedNoise(particles, maxPlateNesting, rng, tables, r);
    }

    /** The number of particles of the full table. */
    int particles() {
        return particles;
    }

    /** True when deterministic VI can fix the draws of a guide site with this distribution. */
    static boolean supports(Distribution d) {
        Distribution base = unwrap(d);
        return base instanceof Normal || base instanceof MultivariateNormal || base instanceof LowRankMultivariateNormal
                || base instanceof Delta;
    }

    @Override
    public void process(Message msg) {
        if (msg.type() != SiteType.SAMPLE || msg.isObserved() || msg.value().isPresent()) {
            return;
        }
        Distribution d = msg.distribution().orElseThrow();
        Distribution base = unwrap(d);
        if (base instanceof Delta) {
            return;
        }
        int[] shape = ParticleHandler.valueShape(d, particles, maxPlateNesting);
        if (base instanceof LowRankMultivariateNormal lr) {
            msg.setValue(lowRank(msg.name(), lr, shape));
            return;
        }
        Tensor eps = table(msg.name(), shape);
        if (row >= 0) {
            eps = eps.slice(0, row, row + 1);
            shape = eps.shape();
        }
        if (base instanceof Normal n) {
            msg.setValue(n.loc().add(n.scale().mul(Var.constant(eps))));
        } else if (base instanceof MultivariateNormal mvn) {
            Var noise = Var.constant(eps.reshape(Broadcasting.concat(shape, new int[] {1})));
            msg.setValue(mvn.loc().add(mvn.scaleTril().matmul(noise).reshape(shape)));
        } else {
            throw new IllegalStateException("deterministic VI fixes the draws of Normal and MultivariateNormal guide sites; site '"
                    + msg.name() + "' has " + d.getClass().getSimpleName());
        }
    }

    /**
     * {@code z = μ + W ε₁ + √D ⊙ ε₂} with {@code [ε₁, ε₂]} ({@code r + d} columns) fixed and
     * moment-matched jointly, so the draws' empirical covariance is exactly {@code W Wᵀ + diag D}
     * when there are more particles than {@code r + d + 1}.
     */
    private Var lowRank(String site, LowRankMultivariateNormal lr, int[] shape) {
        int d = shape[shape.length - 1];
        int r = lr.covFactor().shape()[lr.covFactor().shape().length - 1];
        int[] noiseShape = shape.clone();
        noiseShape[noiseShape.length - 1] = d + r;
        Tensor eps = table(site, noiseShape);
        if (row >= 0) {
            eps = eps.slice(0, row, row + 1);
        }
        Var e1 = Var.constant(eps.slice(-1, 0, r));
        Var e2 = Var.constant(eps.slice(-1, r, r + d));
        return lr.loc().add(e1.matmul(lr.covFactor().transpose())).add(e2.mul(lr.covDiag().sqrt()));
    }

    /** The family under {@link Independent} and {@link Unconstrained} wrappers. */
    private static Distribution unwrap(Distribution d) {
        Distribution base = d;
        while (base instanceof Independent || base instanceof Unconstrained) {
            base = base instanceof Independent ind ? ind.base() : ((Unconstrained) base).base();
        }
        return base;
    }

    private Tensor table(String site, int[] shape) {
        Tensor t = tables.get(site);
        if (t == null || !java.util.Arrays.equals(t.shape(), shape)) {
            t = momentMatched(particles, Broadcasting.size(shape) / particles, rng.split(tables.size())).reshape(shape);
            tables.put(site, t);
        }
        return t;
    }

    /** {@code p × m} standard normal draws, centred per column and whitened to identity covariance (divisor {@code p}). */
    static Tensor momentMatched(int p, int m, RandomStream stream) {
        double[] e = new double[p * m];
        stream.fillGaussian(e);
        if (p < 2) {
            return Tensor.of(e, p, m);
        }
        for (int j = 0; j < m; j++) {
            double mean = 0;
            for (int i = 0; i < p; i++) {
                mean += e[i * m + j];
            }
            mean /= p;
            for (int i = 0; i < p; i++) {
                e[i * m + j] -= mean;
            }
        }
        Tensor centred = Tensor.of(e, p, m);
        if (p > m + 1) {
            Tensor cov = centred.transpose().matmul(centred).div(p);
            Tensor l = LinearAlgebra.cholesky(cov);
            return LinearAlgebra.triangularSolve(l, centred.transpose(), true, false).transpose();
        }
        for (int j = 0; j < m; j++) {
            double ss = 0;
            for (int i = 0; i < p; i++) {
                ss += e[i * m + j] * e[i * m + j];
            }
            double scale = ss > 0 ? Math.sqrt(p / ss) : 1.0;
            for (int i = 0; i < p; i++) {
                e[i * m + j] *= scale;
            }
        }
        return Tensor.of(e, p, m);
    }
}
