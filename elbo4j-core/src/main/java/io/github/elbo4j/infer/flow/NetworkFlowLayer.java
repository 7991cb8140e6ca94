package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.nn.Made;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The flow layer kinds whose parameters are the weights of a network ({@code nn}): a conditioner
 * named {@code net} with two hidden ELU layers of width {@code max(16, 2D)}, PyTorch's default
 * initialization from a seed drawn from the guide's stream, and its output layer's weights set to
 * zero and its bias to the output at which the layer is the identity (or, for the inverse
 * autoregressive flow, close to it), so a guide starts as its base. Parameters are the network's
 * param names ({@code net.0.weight}, ...), or {@code output} (the constant conditioner) for
 * {@code D = 1}.
 */
sealed interface NetworkFlowLayer extends FlowLayer {

    /** The conditioner's local name. */
    String NET = "net";

    /** The initial learning rate of a flow guide of these layers. */
    double LEARNING_RATE = 0.01;

    /** The hidden width for vectors of length {@code d}. */
    static int hiddenWidth(int d) {
        return Math.max(16, 2 * d);
    }

    /** The conditioner for vectors of length {@code d >= 2}, initialized from {@code seed}. */
    Layer network(int d, long seed);

    /** The number of inputs of the conditioner for vectors of length {@code d}. */
    int inputs(int d);

    /** The output of the conditioner at which the layer is the identity (or near it), for vectors of length {@code d}. */
    Tensor identityOutput(int d);

    /** The layer for vectors of length {@code d} with conditioner {@code network} (null for {@code d = 1}) and its params. */
    Bijector make(int d, Layer network, Map<String, Var> parameters);

    /** The vector length {@code D} the parameters are for. */
    int dimensionOf(Map<String, Var> parameters);

    @Override
    default Map<String, Tensor> initialValues(Tensor centre, double scale, RandomStream rng) {
        int d = centre.size();
        Map<String, Tensor> init = new LinkedHashMap<>();
        if (d == 1) {
            init.put(ConditionerNetwork.CONSTANT, identityOutput(1));
            return init;
        }
        Layer net = network(d, rng.seed());
        Map<String, Tensor> weights = ConditionerNetwork.initialParameters(net, inputs(d));
        int last = weights.size() / 2 - 1;
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            String name = e.getKey();
            Tensor value = e.getValue();
            if (name.equals(NET + "." + last + ".weight")) {
                value = Tensor.zeros(value.shape());
            } else if (name.equals(NET + "." + last + ".bias")) {
                value = identityOutput(d);
            }
            init.put(name, value);
        }
        return init;
    }

    @Override
    default Bijector bijector(Map<String, Var> parameters) {
        int d = dimensionOf(parameters);
        return make(d, d == 1 ? null : network(d, 0L), parameters);
    }

    @Override
    default boolean permutesBetweenLayers() {
        return true;
    }

    /** {@value #LEARNING_RATE}: at 0.03 affine and autoregressive guides diverged on hier_logreg and deep spline guides collapsed. */
    @Override
    default double learningRate() {
        return LEARNING_RATE;
    }

    /** The length of a vector parameter. */
    private static int size(Map<String, Var> p, String name) {
        Var v = p.get(name);
        if (v == null) {
            throw new IllegalArgumentException("flow layer parameters must include '" + name + "', got " + p.keySet());
        }
        return v.value().size();
    }

    /** The vector length of a coupling layer whose conditioner gives {@code perCoordinate} outputs per transformed coordinate. */
    private static int couplingDimension(Map<String, Var> p, int perCoordinate) {
        if (p.containsKey(ConditionerNetwork.CONSTANT)) {
            return 1;
        }
        int d = p.get(NET + ".0.weight") == null ? 0 : p.get(NET + ".0.weight").shape()[0];
        return d + size(p, NET + ".2.bias") / perCoordinate;
    }

    /** Inverse autoregressive layers: {@link InverseAutoregressiveFlow} with a {@link Made}, gates starting at {@code sigmoid(2)}. */
    record Autoregressive() implements NetworkFlowLayer {

        /**
         * The initial bias of the gate {@code s}: {@code σ = sigmoid(2) ≈ 0.88}, close to the
         * identity with gradients that are not yet vanishing (Kingma et al. 2016, sec. 4: "initialize
         * ... so that σ is initially close to 1", e.g. {@code +1} or {@code +2}).
         */
        static final double GATE_BIAS = 2.0;

        @Override
        public String name() {
            return "iaf";
        }

        @Override
        public Layer network(int d, long seed) {
            int h = hiddenWidth(d);
            return Made.of(NET, d, 2, Activation.ELU, Init.PYTORCH_DEFAULT, seed, h, h);
        }

        @Override
        public int inputs(int d) {
            return d;
        }

        @Override
        public Tensor identityOutput(int d) {
            double[] out = new double[2 * d];
            for (int i = d; i < 2 * d; i++) {
                out[i] = GATE_BIAS;
            }
            return Tensor.of(out);
        }

        @Override
        public Bijector make(int d, Layer network, Map<String, Var> p) {
            return d == 1 ? InverseAutoregressiveFlow.constant(p.get(ConditionerNetwork.CONSTANT))
                    : InverseAutoregressiveFlow.of((Made) network, p);
        }

        @Override
        public int dimensionOf(Map<String, Var> p) {
            return p.containsKey(ConditionerNetwork.CONSTANT) ? 1 : size(p, NET + ".2.bias") / 2;
        }
    }

    /** Affine coupling layers: {@link AffineCoupling} with an {@link Mlp}. */
    record Affine() implements NetworkFlowLayer {

        @Override
        public String name() {
            return "affine";
        }

        @Override
        public Layer network(int d, long seed) {
            int h = hiddenWidth(d);
            return Mlp.of(NET, Activation.ELU, Init.PYTORCH_DEFAULT, seed, d / 2, h, h, 2 * (d - d / 2));
        }

        @Override
        public int inputs(int d) {
            return d / 2;
        }

        @Override
        public Tensor identityOutput(int d) {
            return Tensor.zeros(2 * (d - d / 2));
        }

        @Override
        public Bijector make(int d, Layer network, Map<String, Var> p) {
            return d == 1 ? AffineCoupling.constant(p.get(ConditionerNetwork.CONSTANT)) : AffineCoupling.of((Mlp) network, d, p);
        }

        @Override
        public int dimensionOf(Map<String, Var> p) {
            return couplingDimension(p, 2);
        }
    }

    /**
     * Rational-quadratic spline coupling layers: {@link SplineCoupling} with an {@link Mlp}, uniform
     * bins and unit derivatives at the start (the identity).
     *
     * @param bins  the number of bins {@code K >= 1}
     * @param bound the half-width {@code B > 0} of the interval the splines act on
     */
    record Spline(int bins, double bound) implements NetworkFlowLayer {

        /** Validates the settings. */
        public Spline {
            SplineCoupling.checkSettings(bins, bound);
        }

        /** {@code spline} for the defaults (8 bins on [-5, 5]), else {@code spline-<bins>-<bound>}. */
        @Override
        public String name() {
            return bins == 8 && bound == 5.0 ? "spline" : "spline-" + bins + "-" + bound;
        }

        /** The settings from {@code spline-<bins>-<bound>}, if the name has that form. */
        static Optional<FlowLayer> parse(String name) {
            String[] parts = name.split("-", 3);
            if (parts.length != 3 || !parts[0].equals("spline")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Spline(Integer.parseInt(parts[1]), Double.parseDouble(parts[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        @Override
        public Layer network(int d, long seed) {
            int h = hiddenWidth(d);
            return Mlp.of(NET, Activation.ELU, Init.PYTORCH_DEFAULT, seed, d / 2, h, h, (d - d / 2) * (3 * bins - 1));
        }

        @Override
        public int inputs(int d) {
            return d / 2;
        }

        @Override
        public Tensor identityOutput(int d) {
            int per = 3 * bins - 1;
            double[] out = new double[(d - d / 2) * per];
            for (int j = 0; j < d - d / 2; j++) {
                for (int k = 2 * bins; k < per; k++) {
                    out[j * per + k] = RationalQuadraticSpline.identityDerivative();
                }
            }
            return Tensor.of(out);
        }

        @Override
        public Bijector make(int d, Layer network, Map<String, Var> p) {
            return d == 1 ? SplineCoupling.constant(p.get(ConditionerNetwork.CONSTANT), bins, bound)
                    : SplineCoupling.of((Mlp) network, d, bins, bound, p);
        }

        @Override
        public int dimensionOf(Map<String, Var> p) {
            return couplingDimension(p, 3 * bins - 1);
        }
    }
}
