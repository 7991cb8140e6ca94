package io.github.elbo4j.distribution.kernel;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector loop of {@link BernoulliLogitsDensity}: the same formulas, a register of lanes at a
 * time ({@code EXP} and {@code LOG} as SIMD code, each within 1 ulp). Loaded only when
 * {@link Simd#ENABLED}.
 */
public final class BernoulliLogitsSimd {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private BernoulliLogitsSimd() {
    }

    /**
     * Fills {@code lp[i] = −softplus((1 − 2x_i) l_i)} and {@code residual[i] = x_i − σ(l_i)} for
     * {@code i} below the returned count (a multiple of the lane count); the caller does the rest.
     * Every {@code x_i} must be 0 or 1.
     */
    public static int apply(double[] l, double[] x, double[] lp, double[] residual) {
        int bound = SPECIES.loopBound(l.length);
        for (int i = 0; i < bound; i += SPECIES.length()) {
            DoubleVector li = DoubleVector.fromArray(SPECIES, l, i);
            DoubleVector xi = DoubleVector.fromArray(SPECIES, x, i);
            DoubleVector e = li.abs().neg().lanewise(VectorOperators.EXP);
            DoubleVector u = e.add(1.0);
            DoubleVector s = DoubleVector.broadcast(SPECIES, 1.0).div(u);
            DoubleVector log1pE = u.lanewise(VectorOperators.LOG).add(e.sub(u.sub(1.0)).mul(s));
            xi.mul(-2.0).add(1.0).mul(li).max(0.0).add(log1pE).neg().intoArray(lp, i);
            VectorMask<Double> negative = li.compare(VectorOperators.LT, 0.0);
            xi.sub(s.blend(e.mul(s), negative)).intoArray(residual, i);
        }
        return bound;
    }
}
