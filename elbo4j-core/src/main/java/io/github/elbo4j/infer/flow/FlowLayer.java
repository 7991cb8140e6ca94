package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
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
     * The layer's parameters for vectors of length {@code dimension}, by local name, at values where
     * the layer is the identity map, with what randomness breaks the symmetry between layers drawn
     * from {@code rng}.
     */
    Map<String, Tensor> initialValues(int dimension, RandomStream rng);

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
     * {@code w ~ N(0, I/D)} (redrawn while {@code ‖w‖² < 1e-3}), {@code b = 0} and
     * {@code u = log(e - 1) w/‖w‖²}, so that {@code wᵀu = log(e - 1)}, {@code m(wᵀu) = 0} and
     * {@code û = 0}: the identity, with non-zero gradients for {@code u}.
     */
    record Planar() implements FlowLayer {

        @Override
        public String name() {
            return "planar";
        }

        @Override
        public Map<String, Tensor> initialValues(int dimension, RandomStream rng) {
            double[] w = new double[dimension];
            double norm2 = 0;
            for (int attempt = 0; attempt < 100 && norm2 < 1e-3; attempt++) {
                rng.split(attempt).fillGaussian(w);
                norm2 = 0;
                for (int i = 0; i < dimension; i++) {
                    w[i] /= Math.sqrt(dimension);
                    norm2 += w[i] * w[i];
                }
            }
            double[] u = new double[dimension];
            double k = Math.log(Math.E - 1);
            for (int i = 0; i < dimension; i++) {
                u[i] = k * w[i] / norm2;
            }
            Map<String, Tensor> init = new LinkedHashMap<>();
            init.put("u", Tensor.of(u));
            init.put("w", Tensor.of(w));
            init.put("b", Tensor.scalar(0.0));
            return init;
        }

        @Override
        public Bijector bijector(Map<String, Var> p) {
            return PlanarFlow.reparameterized(p.get("u"), p.get("w"), p.get("b"));
        }
    }

    /**
     * A radial layer with raw parameters {@code z0}, {@code alpha}, {@code beta}. Initially
     * {@code z₀ ~ N(0, I)} (the guide's base is standardized), {@code α̂ = β̂ = log(e - 1)}, so
     * {@code α = 1} and {@code β = 0}: the identity, with non-zero gradients for {@code β̂}.
     */
    record Radial() implements FlowLayer {

        @Override
        public String name() {
            return "radial";
        }

        @Override
        public Map<String, Tensor> initialValues(int dimension, RandomStream rng) {
            double[] z0 = new double[dimension];
            rng.fillGaussian(z0);
            Map<String, Tensor> init = new LinkedHashMap<>();
            init.put("z0", Tensor.of(z0));
            init.put("alpha", Tensor.scalar(Math.log(Math.E - 1)));
            init.put("beta", Tensor.scalar(Math.log(Math.E - 1)));
            return init;
        }

        @Override
        public Bijector bijector(Map<String, Var> p) {
            return RadialFlow.reparameterized(p.get("z0"), p.get("alpha"), p.get("beta"));
        }
    }
}
