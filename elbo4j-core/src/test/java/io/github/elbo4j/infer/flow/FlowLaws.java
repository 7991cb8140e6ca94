package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.util.Random;

/**
 * What the flow tests share: random points and the log-determinant of the Jacobian built column by
 * column with the tape (one vector-Jacobian product per output) and factorized by LU with partial
 * pivoting here, independent of the layers' own formulas.
 */
final class FlowLaws {

    private FlowLaws() {
    }

    /** {@code log|det ∂f/∂z|} at one point {@code z} of shape {@code [D]}, from the tape's Jacobian. */
    static double tapeLogAbsDet(Bijector f, Tensor z) {
        Tape tape = new Tape();
        Var x = tape.variable(z);
        Var y = f.forward(x);
        int d = z.size();
        double[][] jacobian = new double[d][];
        for (int o = 0; o < d; o++) {
            double[] cotangent = new double[d];
            cotangent[o] = 1.0;
            jacobian[o] = tape.vjp(y, Tensor.of(cotangent, d), x).get(0).toArray();
        }
        return logAbsDeterminant(jacobian);
    }

    /** {@code log|det A|} by Gaussian elimination with partial pivoting: {@code Σ log|u_ii|}. */
    static double logAbsDeterminant(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = matrix[i].clone();
        }
        double log = 0;
        for (int k = 0; k < n; k++) {
            int pivot = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(a[i][k]) > Math.abs(a[pivot][k])) {
                    pivot = i;
                }
            }
            double[] row = a[k];
            a[k] = a[pivot];
            a[pivot] = row;
            log += Math.log(Math.abs(a[k][k]));
            for (int i = k + 1; i < n; i++) {
                double factor = a[i][k] / a[k][k];
                for (int j = k; j < n; j++) {
                    a[i][j] -= factor * a[k][j];
                }
            }
        }
        return log;
    }

    /** Standard normal draws times {@code scale}, of the given shape. */
    static Tensor normal(Random rng, double scale, int... shape) {
        int size = 1;
        for (int s : shape) {
            size *= s;
        }
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = scale * rng.nextGaussian();
        }
        return Tensor.of(v, shape);
    }

    /** Largest {@code |a - b| / max(1, |b|)} over the elements. */
    static double worst(Tensor a, Tensor b) {
        double[] p = a.toArray();
        double[] q = b.toArray();
        double w = 0;
        for (int i = 0; i < p.length; i++) {
            double e = Math.abs(p[i] - q[i]) / Math.max(1.0, Math.abs(q[i]));
            w = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(w, e);
        }
        return w;
    }
}
