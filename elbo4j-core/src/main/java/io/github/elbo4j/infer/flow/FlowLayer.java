package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The kind of one layer of a flow guide, as a specification: which parameters a layer of that kind
 * has and where they start ({@link #initialValues}), and the bijector they make ({@link #bijector}).
 * A guide registers the parameters (e.g. with {@code m.param}) and builds the layer from them on
 * every run, so gradients reach them. A closed set: planar and radial here, and the kinds whose
 * parameters are a network's weights (inverse autoregressive, affine coupling, spline coupling) in
 * {@link NetworkFlowLayer}.
 */
public sealed interface FlowLayer permits FlowLayer.Planar, FlowLayer.Radial, NetworkFlowLayer {

    /** The kind's name in settings and saved fits ({@code planar}, {@code radial}). */
    String name();

    /**
     * The layer's parameters by local name, at values where the layer is the identity map, for
     * points near {@code centre} (a vector of length {@code D}) at about {@code scale} from it (the
     * base's initial location and spread, so that the layer's own location parameters start among
     * its draws); what randomness breaks the symmetry between layers is drawn from {@code rng}.
     */
    Map<String, Tensor> initialValues(Tensor centre, double scale, RandomStream rng);

    /** The layer with the given parameters (named as in {@link #initialValues}). */
    Bijector bijector(Map<String, Var> parameters);

    /**
     * Whether the layer treats coordinates unequally (coupling, autoregressive), so that a flow guide
     * puts a {@link Permutation} (the reversal) between consecutive layers.
     */
    default boolean permutesBetweenLayers() {
        return false;
    }

    /**
     * The initial learning rate of a flow guide's default optimizer (Adam, cosine-annealed): 0.03 for
     * planar and radial layers; lower for layers whose parameters are network weights, where a
     * step of 0.03 moves every output at once and fits diverged.
     */
    default double learningRate() {
        return 0.03;
    }

    /** Planar layers ({@link PlanarFlow#reparameterized}). */
    static FlowLayer planar() {
        return new Planar();
    }

    /** Radial layers ({@link RadialFlow#reparameterized}). */
    static FlowLayer radial() {
        return new Radial();
    }

    /** Inverse autoregressive layers ({@link InverseAutoregressiveFlow}) with a two-hidden-layer MADE. */
    static FlowLayer autoregressive() {
        return new NetworkFlowLayer.Autoregressive();
    }

    /** Affine coupling layers ({@link AffineCoupling}) with a two-hidden-layer MLP. */
    static FlowLayer affineCoupling() {
        return new NetworkFlowLayer.Affine();
    }

    /** Rational-quadratic spline coupling layers ({@link SplineCoupling}), 8 bins on {@code [-5, 5]}. */
    static FlowLayer splineCoupling() {
        return splineCoupling(8, 5.0);
    }

    /**
     * Rational-quadratic spline coupling layers with {@code bins} bins on {@code [-bound, bound]}.
     *
     * @throws IllegalArgumentException when {@code bins < 1} or {@code bound} is not finite and {@code > 0}
     */
    static FlowLayer splineCoupling(int bins, double bound) {
        return new NetworkFlowLayer.Spline(bins, bound);
    }

    /**
     * The kind named {@code name}: {@code planar}, {@code radial}, {@code iaf}, {@code affine},
     * {@code spline} or {@code spline-<bins>-<bound>}.
     *
     * @throws IllegalArgumentException for any other name
     */
    static FlowLayer named(String name) {
        return switch (name) {
            case "planar" -> planar();
            case "radial" -> radial();
            case "iaf" -> autoregressive();
            case "affine" -> affineCoupling();
            case "spline" -> splineCoupling();
            default -> NetworkFlowLayer.Spline.parse(name).orElseThrow(() -> new IllegalArgumentException(
                    "flow layer must be one of planar, radial, iaf, affine, spline, spline-<bins>-<bound>; got '" + name + "'"));
        };
    }

    /**
     * A planar layer with raw parameters {@code u}, {@code w}, {@code b}. Initially
     * {@code w ~ N(0, I/(D s²))} for the base's scale {@code s} (redrawn while {@code ‖w‖² s² < 1e-3}),
     * {@code b = -wᵀc} for its centre {@code c} (the hyperplane through the centre), and
     * {@code u = log(e - 1) w/‖w‖²}, so that {@code wᵀu = log(e - 1)}, {@code m(wᵀu) = 0} and
     * {@code û = 0}: the identity, with non-zero gradients for {@code u}.
     */
    record Planar() implements FlowLayer {

        @Override
        public String name() {
            return "planar";
        }

        @Override
        public Map<String, Tensor> initialValues(Tensor centre, double scale, RandomStream rng) {
            int dimension = centre.size();
            double[] c = centre.toArray();
            double[] w = new double[dimension];
            double norm2 = 0;
            for (int attempt = 0; attempt < 100 && norm2 * scale * scale < 1e-3; attempt++) {
                rng.split(attempt).fillGaussian(w);
                norm2 = 0;
                for (int i = 0; i < dimension; i++) {
                    w[i] /= Math.sqrt(dimension) * scale;
                    norm2 += w[i] * w[i];
                }
            }
            double b = 0;
            for (int i = 0; i < dimension; i++) {
                b -= w[i] * c[i];
            }
            double[] u = new double[dimension];
            double k = Math.log(Math.E - 1);
            for (int i = 0; i < dimension; i++) {
                u[i] = k * w[i] / norm2;
            }
            Map<String, Tensor> init = new LinkedHashMap<>();
            init.put("u", Tensor.of(u));
            init.put("w", Tensor.of(w));
            init.put("b", Tensor.scalar(b));
            return init;
        }

        @Override
        public Bijector bijector(Map<String, Var> p) {
            return PlanarFlow.reparameterized(p.get("u"), p.get("w"), p.get("b"));
        }
    }

    /**
     * A radial layer with raw parameters {@code z0}, {@code alpha}, {@code beta}. Initially
     * {@code z₀ ~ N(c, s² I)} for the base's centre {@code c} and scale {@code s}, {@code α̂} such
     * that {@code α = s}, {@code β̂ = log(e^α - 1)} so that {@code β = 0}: the identity, with non-zero
     * gradients for {@code β̂} (both up to the {@code 10⁻⁸} floor of {@code α}).
     */
    record Radial() implements FlowLayer {

        @Override
        public String name() {
            return "radial";
        }

        @Override
        public Map<String, Tensor> initialValues(Tensor centre, double scale, RandomStream rng) {
            double[] z0 = new double[centre.size()];
            rng.fillGaussian(z0);
            double[] c = centre.toArray();
            for (int i = 0; i < z0.length; i++) {
                z0[i] = c[i] + scale * z0[i];
            }
            double alphaRaw = inverseSoftplus(scale);
            double alpha = LogSpace.softplus(alphaRaw) + RadialFlow.ALPHA_FLOOR;
            Map<String, Tensor> init = new LinkedHashMap<>();
            init.put("z0", Tensor.of(z0));
            init.put("alpha", Tensor.scalar(alphaRaw));
            init.put("beta", Tensor.scalar(inverseSoftplus(alpha)));
            return init;
        }

        @Override
        public Bijector bijector(Map<String, Var> p) {
            return RadialFlow.reparameterized(p.get("z0"), p.get("alpha"), p.get("beta"));
        }

        /** {@code softplus⁻¹(x) = x + log(-expm1(-x))} for {@code x > 0}, without overflow. */
        private static double inverseSoftplus(double x) {
            return x + Math.log(-Math.expm1(-x));
        }
    }
}
