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
 * every run, so gradients reach them. A closed set; a new kind (coupling, autoregressive, spline)
 * is one more record here.
 */
public sealed interface FlowLayer permits FlowLayer.Planar, FlowLayer.Radial {

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

    /** Planar layers ({@link PlanarFlow#reparameterized}). */
    static FlowLayer planar() {
        return new Planar();
    }

    /** Radial layers ({@link RadialFlow#reparameterized}). */
    static FlowLayer radial() {
        return new Radial();
    }

    /**
     * The kind named {@code name}.
     *
     * @throws IllegalArgumentException for a name other than {@code planar} and {@code radial}
     */
    static FlowLayer named(String name) {
        return switch (name) {
            case "planar" -> planar();
            case "radial" -> radial();
            default -> throw new IllegalArgumentException("flow layer must be one of planar, radial; got '" + name + "'");
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
