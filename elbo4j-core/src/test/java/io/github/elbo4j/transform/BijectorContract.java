package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The laws every {@link Bijector} obeys, written once; each bijector's test supplies
 * {@link BijectorSubject}s (as Commons Statistics' base distribution tests do). On random points with
 * random batch shapes:
 * <ul>
 *   <li>{@code f⁻¹(f(x)) = x} and {@code f(f⁻¹(y)) = y}, to {@value #ROUND_TRIP} (error
 *       {@code |a - b| / max(1, |b|)}: relative above 1, absolute below), with the shapes that
 *       {@code forwardShape}/{@code inverseShape} announce;</li>
 *   <li>{@code f(x)} is in {@code codomain()};</li>
 *   <li>{@code logAbsDetJacobian} equals {@code log |det J|} of the Jacobian between free
 *       coordinates, built by the tape (one vector-Jacobian product per free output) and
 *       factorized here by LU with partial pivoting, to {@value #JACOBIAN} (relative above 1);</li>
 *   <li>{@code logAbsDetJacobian} has the batch shape and is computed event by event;</li>
 *   <li>the gradients of {@code f} and of {@code logAbsDetJacobian} match five-point finite
 *       differences ({@link GradientChecker}) to {@value #GRADIENT}.</li>
 * </ul>
 */
abstract class BijectorContract {

    static final double ROUND_TRIP = 1e-9;
    static final double JACOBIAN = 1e-8;
    static final double GRADIENT = 1e-6;

    /** A bijector under test and how to draw points of its domain; drawn afresh for every try. */
    abstract BijectorSubject subject(Random rng);

    @Property(tries = 60, seed = "20261207")
    void inverseUndoesForwardAndForwardUndoesInverse(@ForAll long seed) {
        Random rng = new Random(seed);
        BijectorSubject s = subject(rng);
        int[] shape = s.shapeWithBatch(rng);
        Tensor x = s.points().draw(rng, shape);
        Tensor y = s.bijector().forward(x);
        assertThat(y.shape()).as("forwardShape of %s", Arrays.toString(shape)).isEqualTo(s.bijector().forwardShape(shape));
        Tensor back = s.bijector().inverse(y);
        assertThat(back.shape()).as("inverseShape").isEqualTo(s.bijector().inverseShape(y.shape()));
        assertThat(worst(back, x)).as("%s: inverse(forward(x)) vs x = %s", s.bijector(), x).isLessThanOrEqualTo(ROUND_TRIP);
        assertThat(worst(s.bijector().forward(back), y)).as("%s: forward(inverse(y)) vs y", s.bijector())
                .isLessThanOrEqualTo(ROUND_TRIP);
    }

    @Property(tries = 60, seed = "20261207")
    void forwardLandsInTheCodomain(@ForAll long seed) {
        Random rng = new Random(seed);
        BijectorSubject s = subject(rng);
        Tensor y = s.bijector().forward(s.points().draw(rng, s.shapeWithBatch(rng)));
        Tensor inside = s.bijector().codomain().check(y);
        assertThat(inside.min().item()).as("%s: %s in %s", s.bijector(), y, s.bijector().codomain()).isEqualTo(1.0);
    }

    @Property(tries = 60, seed = "20261207")
    void logAbsDetJacobianIsTheLogDeterminantOfTheTapeJacobian(@ForAll long seed) {
        Random rng = new Random(seed);
        BijectorSubject s = subject(rng);
        Tensor point = s.points().draw(rng, s.eventShape());
        Tape tape = new Tape();
        Var free = tape.variable(point.reshape(-1).indexSelect(0, s.freeInputs()));
        Var x = s.chart().embed(free);
        Var y = s.bijector().forward(x);
        int[] outputs = s.freeOutputs();
        assertThat(outputs).as("free outputs vs free inputs").hasSameSizeAs(s.freeInputs());
        double[][] jacobian = new double[outputs.length][];
        for (int o = 0; o < outputs.length; o++) {
            double[] cotangent = new double[y.value().size()];
            cotangent[outputs[o]] = 1.0;
            jacobian[o] = tape.vjp(y, Tensor.of(cotangent, y.shape()), free).get(0).toArray();
        }
        double expected = logAbsDeterminant(jacobian);
        double actual = s.bijector().logAbsDetJacobian(x, y).item();
        assertThat(Math.abs(actual - expected) / Math.max(1.0, Math.abs(expected)))
                .as("%s at %s: ladj %s vs log|det J| %s", s.bijector(), point, actual, expected)
                .isLessThanOrEqualTo(JACOBIAN);
    }

    @Property(tries = 30, seed = "20261207")
    void logAbsDetJacobianHasTheBatchShapeAndIsComputedPerEvent(@ForAll long seed) {
        Random rng = new Random(seed);
        BijectorSubject s = subject(rng);
        int[] shape = s.shapeWithBatch(rng);
        int[] batch = Arrays.copyOf(shape, shape.length - s.eventShape().length);
        Tensor x = s.points().draw(rng, shape);
        Tensor ladj = ladj(s.bijector(), x);
        assertThat(ladj.shape()).as("%s on %s", s.bijector(), Arrays.toString(shape)).isEqualTo(batch);
        int count = ladj.size();
        Tensor events = x.reshape(join(new int[] {count}, s.eventShape()));
        for (int b = 0; b < count; b++) {
            Tensor one = ladj(s.bijector(), events.slice(0, b, b + 1).reshape(s.eventShape()));
            assertThat(one.item()).isCloseTo(ladj.toArray()[b], within(1e-12 * Math.max(1, Math.abs(one.item()))));
        }
    }

    @Property(tries = 30, seed = "20261207")
    void forwardAndLogAbsDetJacobianHaveFiniteDifferenceGradients(@ForAll long seed) {
        Random rng = new Random(seed);
        BijectorSubject s = subject(rng);
        Tensor x = s.points().draw(rng, s.shapeWithBatch(rng));
        Bijector b = s.bijector();
        GradientChecker.Result forward = GradientChecker.check(v -> b.forward(v[0]), x);
        assertThat(forward.maxError()).as("%s forward: %s", b, forward).isLessThanOrEqualTo(GRADIENT);
        GradientChecker.Result ladj = GradientChecker.check(v -> b.logAbsDetJacobian(v[0], b.forward(v[0])), x);
        assertThat(ladj.maxError()).as("%s ladj: %s", b, ladj).isLessThanOrEqualTo(GRADIENT);
    }

    private static Tensor ladj(Bijector b, Tensor x) {
        Var v = Var.constant(x);
        return b.logAbsDetJacobian(v, b.forward(v)).value();
    }

    /** Largest {@code |a - b| / max(1, |b|)} over the elements; infinite when the shapes differ or a value is NaN. */
    static double worst(Tensor a, Tensor b) {
        if (!a.sameShape(b)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] p = a.toArray();
        double[] q = b.toArray();
        double w = 0;
        for (int i = 0; i < p.length; i++) {
            double e = Math.abs(p[i] - q[i]) / Math.max(1.0, Math.abs(q[i]));
            w = Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.max(w, e);
        }
        return w;
    }

    /** {@code log |det A|} by Gaussian elimination with partial pivoting: {@code Σ log |u_ii|}. */
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
            double[] swap = a[k];
            a[k] = a[pivot];
            a[pivot] = swap;
            double p = a[k][k];
            log += Math.log(Math.abs(p));
            for (int i = k + 1; i < n; i++) {
                double f = a[i][k] / p;
                for (int j = k; j < n; j++) {
                    a[i][j] -= f * a[k][j];
                }
            }
        }
        return log;
    }

    static int[] join(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
