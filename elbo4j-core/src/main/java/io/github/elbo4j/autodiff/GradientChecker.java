package io.github.elbo4j.autodiff;

import io.github.elbo4j.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Compares reverse-mode gradients with finite differences. For a function {@code f} of several
 * tensors and a fixed random cotangent {@code c} (standard normal, seeded), the scalar
 * {@code φ(x) = Σ c ⊙ f(x)} is differentiated both by the tape ({@link Tape#vjp}) and by the
 * five-point central stencil
 * {@code φ'(x) ≈ [φ(x-2h) - 8φ(x-h) + 8φ(x+h) - φ(x+2h)] / 12h} (truncation error O(h⁴);
 * Abramowitz &amp; Stegun 25.3.6) with {@code h = step · max(1, |x|)} for every input element.
 *
 * <p>The error of one element is {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}:
 * relative for gradients larger than 1 in magnitude, absolute below.
 */
public final class GradientChecker {

    /** The default relative step {@code 1e-3}: with the O(h⁴) stencil this balances truncation and round-off near 1e-12. */
    private static final double STEP = 1e-3;

    private GradientChecker() {
    }

    /** The worst element found by a check. */
    public record Result(double maxError, int input, int element, double analytic, double numeric) {
    }

    /**
     * Checks {@code f} at {@code inputs} with relative step {@code 1e-3} (with the O(h⁴) stencil it
     * balances truncation and round-off near 1e-12) and cotangent seed 1.
     */
    public static Result check(Function<Var[], Var> f, Tensor... inputs) {
        return check(f, STEP, 1L, inputs);
    }

    /** Checks {@code f} at {@code inputs} with the given relative step and cotangent seed. */
    public static Result check(Function<Var[], Var> f, double step, long seed, Tensor... inputs) {
        Tape tape = new Tape();
        Var[] leaves = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            leaves[i] = tape.variable(inputs[i]);
        }
        Var out = f.apply(leaves);
        Tensor cotangent = standardNormal(out.value().shape(), seed);
        Gradients analytic = tape.vjp(out, cotangent, leaves);

        Result worst = new Result(0.0, -1, -1, 0.0, 0.0);
        for (int i = 0; i < inputs.length; i++) {
            double[] x = inputs[i].toArray();
            double[] a = analytic.get(i).toArray();
            for (int j = 0; j < x.length; j++) {
                double h = step * Math.max(1.0, Math.abs(x[j]));
                double numeric = (phi(f, inputs, i, j, x[j] - 2 * h, cotangent) - 8 * phi(f, inputs, i, j, x[j] - h, cotangent)
                        + 8 * phi(f, inputs, i, j, x[j] + h, cotangent) - phi(f, inputs, i, j, x[j] + 2 * h, cotangent)) / (12 * h);
                double err = Math.abs(a[j] - numeric) / Math.max(1.0, Math.max(Math.abs(a[j]), Math.abs(numeric)));
                if (!(err <= worst.maxError())) {
                    worst = new Result(err, i, j, a[j], numeric);
                }
            }
        }
        return worst;
    }

    private static double phi(Function<Var[], Var> f, Tensor[] inputs, int which, int element, double value, Tensor cotangent) {
        Var[] args = new Var[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = inputs[i];
            if (i == which) {
                double[] d = t.toArray();
                d[element] = value;
                t = Tensor.of(d, t.shape());
            }
            args[i] = Var.constant(t);
        }
        return f.apply(args).value().mul(cotangent).sum().item();
    }

    private static Tensor standardNormal(int[] shape, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] c = new double[n];
        for (int k = 0; k < n; k += 2) {
            // Box–Muller: two independent standard normals from two uniforms.
            double r = Math.sqrt(-2.0 * Math.log(1.0 - rng.nextDouble()));
            double theta = 2.0 * Math.PI * rng.nextDouble();
            c[k] = r * Math.cos(theta);
            if (k + 1 < n) {
                c[k + 1] = r * Math.sin(theta);
            }
        }
        return Tensor.of(c, shape);
    }
}
