package io.github.elbo4j.mcmc;

/** A point of phase space: position {@code q}, momentum {@code p}, and {@code log π(q)} with its gradient. Mutable, one chain's. */
final class PhasePoint {

    final double[] q;
    final double[] p;
    final double[] gradient;
    double logDensity;

    PhasePoint(int dimension) {
        q = new double[dimension];
        p = new double[dimension];
        gradient = new double[dimension];
    }

    void copyFrom(PhasePoint other) {
        System.arraycopy(other.q, 0, q, 0, q.length);
        System.arraycopy(other.p, 0, p, 0, p.length);
        System.arraycopy(other.gradient, 0, gradient, 0, gradient.length);
        logDensity = other.logDensity;
    }

    PhasePoint copy() {
        PhasePoint c = new PhasePoint(q.length);
        c.copyFrom(this);
        return c;
    }
}
