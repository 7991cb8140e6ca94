package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Index;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;

/**
 * An element-wise monotone rational-quadratic spline on {@code [-B, B]}, the identity outside
 * (Durkan, Bekasov, Murray &amp; Papamakarios, "Neural Spline Flows", NeurIPS 2019, sec. 3.1 and
 * appendix A), for a batch of scalars {@code x [..., c]} each with its own {@code K} bins. From
 * unnormalized parameters {@code θ^w, θ^h [..., c, K]} and {@code θ^d [..., c, K-1]}:
 * widths {@code w = δ + (1 - Kδ) softmax(θ^w)} times {@code 2B}, heights likewise, interior
 * derivatives {@code d = δ + softplus(θ^d)}, boundary derivatives 1 (so the map is C¹ at ±B),
 * {@code δ = 10⁻³}. In bin {@code k}, with {@code ξ = (x - x_k)/w_k} and {@code s_k = h_k/w_k}:
 * <pre>{@code
 * g(x)  = y_k + h_k [s_k ξ² + d_k ξ(1-ξ)] / [s_k + (d_{k+1} + d_k - 2 s_k) ξ(1-ξ)]               (eq. 4)
 * g'(x) = s_k² [d_{k+1} ξ² + 2 s_k ξ(1-ξ) + d_k (1-ξ)²] / [s_k + (d_{k+1} + d_k - 2 s_k) ξ(1-ξ)]²   (eq. 5)
 * }</pre>
 * and the inverse is the root in {@code [0, 1]} of {@code a ξ² + b ξ + c = 0} with
 * {@code a = h_k (s_k - d_k) + (y - y_k)(d_{k+1} + d_k - 2 s_k)},
 * {@code b = h_k d_k - (y - y_k)(d_{k+1} + d_k - 2 s_k)}, {@code c = -s_k (y - y_k)}, taken in the
 * cancellation-free form {@code ξ = 2c / (-b - √(b² - 4ac))} (appendix A, eqs. 6-8). All of it is
 * written in tape operations, so gradients reach the points and the parameters; the bin of each
 * point is found on values and enters as a constant index.
 */
final class RationalQuadraticSpline {

    /** The minimal bin width, height and derivative {@code δ} (the paper's code's default). */
    static final double MIN = 1e-3;

    private final Var xKnots;
    private final Var yKnots;
    private final Var derivatives;
    private final double bound;
    private final int bins;

    private RationalQuadraticSpline(Var xKnots, Var yKnots, Var derivatives, double bound, int bins) {
        this.xKnots = xKnots;
        this.yKnots = yKnots;
        this.derivatives = derivatives;
        this.bound = bound;
        this.bins = bins;
    }

    /** The spline from unnormalized widths, heights {@code [..., c, K]} and interior derivatives {@code [..., c, K-1]}. */
    static RationalQuadraticSpline of(Var widths, Var heights, Var derivatives, double bound) {
        int[] shape = widths.shape();
        int k = shape[shape.length - 1];
        int[] one = shape.clone();
        one[one.length - 1] = 1;
        Var unit = Var.constant(Tensor.ones(one));
        Var d = k == 1 ? Var.concat(-1, unit, unit) : Var.concat(-1, unit, derivatives.softplus().add(MIN), unit);
        return new RationalQuadraticSpline(knots(widths, bound), knots(heights, bound), d, bound, k);
    }

    /** The initial value of {@code θ^d} at which {@code d = 1}: {@code softplus⁻¹(1 - δ)}. */
    static double identityDerivative() {
        double x = 1 - MIN;
        return x + Math.log(-Math.expm1(-x));
    }

    /** {@code -B, -B + 2B cumsum(w)_1, ..., B} along the last axis, {@code w = δ + (1 - Kδ) softmax(θ)}. */
    private static Var knots(Var theta, double bound) {
        int[] shape = theta.shape();
        int k = shape[shape.length - 1];
        int[] one = shape.clone();
        one[one.length - 1] = 1;
        Var softmax = theta.sub(theta.logSumExp(-1).reshape(one)).exp();
        Var w = softmax.mul(1 - k * MIN).add(MIN);
        Var lo = Var.constant(Tensor.full(-bound, one));
        Var hi = Var.constant(Tensor.full(bound, one));
        if (k == 1) {
            return Var.concat(-1, lo, hi);
        }
        Var inner = w.cumsum(-1).slice(-1, 0, k - 1).mul(2 * bound).sub(bound);
        return Var.concat(-1, lo, inner, hi);
    }

    /** {@code g(x)} and {@code log g'(x)} (0 outside {@code [-B, B]}), each of the shape of {@code x}. */
    Var[] forward(Var x) {
        Tensor inside = inside(x.value());
        Var safe = Var.where(inside, x, Var.constant(Tensor.zeros(x.shape())));
        Bin b = bin(xKnots, safe.value());
        Var xi = safe.sub(b.x0).div(b.width);
        Var s = b.height.div(b.width);
        Var xi1 = xi.rsub(1.0);
        Var xx = xi.mul(xi1);
        Var denominator = s.add(b.d0.add(b.d1).sub(s.mul(2)).mul(xx));
        Var y = b.y0.add(b.height.mul(s.mul(xi.square()).add(b.d0.mul(xx))).div(denominator));
        Var derivative = s.square().mul(b.d1.mul(xi.square()).add(s.mul(xx).mul(2)).add(b.d0.mul(xi1.square())));
        Var logDerivative = derivative.log().sub(denominator.log().mul(2));
        return new Var[] {Var.where(inside, y, x), Var.where(inside, logDerivative, Var.constant(Tensor.zeros(x.shape())))};
    }

    /** {@code g⁻¹(y)} (the identity outside {@code [-B, B]}), of the shape of {@code y}. */
    Var inverse(Var y) {
        Tensor inside = inside(y.value());
        Var safe = Var.where(inside, y, Var.constant(Tensor.zeros(y.shape())));
        Bin b = bin(yKnots, safe.value());
        Var s = b.height.div(b.width);
        Var dy = safe.sub(b.y0);
        Var curvature = b.d0.add(b.d1).sub(s.mul(2));
        Var qa = b.height.mul(s.sub(b.d0)).add(dy.mul(curvature));
        Var qb = b.height.mul(b.d0).sub(dy.mul(curvature));
        Var qc = s.mul(dy).neg();
        Var discriminant = qb.square().sub(qa.mul(qc).mul(4)).maximum(Var.constant(Tensor.zeros(y.shape())));
        Var xi = qc.mul(2).div(qb.neg().sub(discriminant.sqrt()));
        Var x = xi.mul(b.width).add(b.x0);
        return Var.where(inside, x, y);
    }

    /** The knots and derivatives at both ends of each point's bin: each of the points' shape. */
    private record Bin(Var x0, Var width, Var y0, Var height, Var d0, Var d1) {
    }

    /** The bin {@code k} with {@code knots_k <= v < knots_{k+1}} (the last bin holding {@code B}), read on values. */
    private Bin bin(Var knots, Tensor v) {
        double[] t = knots.value().toArray();
        double[] p = v.toArray();
        int[] lower = new int[p.length];
        int[] upper = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int base = i * (bins + 1);
            int k = 0;
            while (k < bins - 1 && p[i] >= t[base + k + 1]) {
                k++;
            }
            lower[i] = k;
            upper[i] = k + 1;
        }
        int[] shape = Arrays.copyOf(v.shape(), v.shape().length + 1);
        shape[shape.length - 1] = 1;
        Index lo = Index.of(lower, shape);
        Index hi = Index.of(upper, shape);
        int[] pointShape = v.shape();
        Var x0 = xKnots.gather(-1, lo).reshape(pointShape);
        Var x1 = xKnots.gather(-1, hi).reshape(pointShape);
        Var y0 = yKnots.gather(-1, lo).reshape(pointShape);
        Var y1 = yKnots.gather(-1, hi).reshape(pointShape);
        return new Bin(x0, x1.sub(x0), y0, y1.sub(y0), derivatives.gather(-1, lo).reshape(pointShape),
                derivatives.gather(-1, hi).reshape(pointShape));
    }

    /** 1 where {@code -B <= v <= B}, else 0. */
    private Tensor inside(Tensor v) {
        double[] p = v.toArray();
        double[] in = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            in[i] = p[i] >= -bound && p[i] <= bound ? 1.0 : 0.0;
        }
        return Tensor.of(in, v.shape());
    }
}
