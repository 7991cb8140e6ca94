package io.github.elbo4j.transform;

import io.github.elbo4j.tensor.Tensor;

/** Membership tests of the structured {@link Constraint}s that need more than one comparison. */
final class ConstraintChecks {

    private ConstraintChecks() {
    }

    /** 1 where the element is an integer (finite and equal to its floor). */
    static Tensor integral(Tensor v) {
        return v.map(x -> Double.isFinite(x) && x == Math.rint(x) ? 1.0 : 0.0);
    }

    /** 1 where the last axis is strictly increasing. */
    static Tensor increasing(Tensor v) {
        int n = v.dim(-1);
        if (n < 2) {
            return v.eq(v).min(-1);
        }
        return v.slice(-1, 1, n).gt(v.slice(-1, 0, n - 1)).min(-1);
    }

    /** 1 where the last two axes hold a lower-triangular matrix with positive diagonal (and unit rows if asked). */
    static Tensor lowerCholesky(Tensor v, boolean unitRows) {
        int n = v.dim(-1);
        if (v.dim(-2) != n) {
            return Tensor.zeros(batch(v));
        }
        double[] d = v.toArray();
        int count = d.length / (n * n);
        double[] out = new double[count];
        for (int b = 0; b < count; b++) {
            boolean ok = true;
            for (int i = 0; i < n && ok; i++) {
                double norm = 0;
                for (int j = 0; j < n; j++) {
                    double x = d[b * n * n + i * n + j];
                    ok &= j <= i || x == 0.0;
                    norm += x * x;
                }
                ok &= d[b * n * n + i * n + i] > 0;
                ok &= !unitRows || Math.abs(Math.sqrt(norm) - 1.0) <= Constraint.TOLERANCE;
            }
            out[b] = ok ? 1.0 : 0.0;
        }
        return Tensor.of(out, batch(v));
    }

    /** 1 where the last two axes hold a symmetric matrix whose Cholesky factorization succeeds. */
    static Tensor positiveDefinite(Tensor v) {
        int n = v.dim(-1);
        if (v.dim(-2) != n) {
            return Tensor.zeros(batch(v));
        }
        double[] d = v.toArray();
        int count = d.length / (n * n);
        double[] out = new double[count];
        for (int b = 0; b < count; b++) {
            out[b] = symmetric(d, b * n * n, n) && choleskySucceeds(d, b * n * n, n) ? 1.0 : 0.0;
        }
        return Tensor.of(out, batch(v));
    }

    private static boolean symmetric(double[] d, int off, int n) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double a = d[off + i * n + j];
                double b = d[off + j * n + i];
                if (Math.abs(a - b) > Constraint.TOLERANCE * Math.max(1.0, Math.abs(a))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Cholesky–Banachiewicz on a copy: every pivot must be positive. */
    private static boolean choleskySucceeds(double[] d, int off, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = d[off + i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return false;
                    }
                    l[i * n + i] = Math.sqrt(s);
                } else {
                    l[i * n + j] = s / l[j * n + j];
                }
            }
        }
        return true;
    }

    private static int[] batch(Tensor v) {
        int[] s = v.shape();
        return java.util.Arrays.copyOf(s, s.length - 2);
    }
}
