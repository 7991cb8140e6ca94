package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * What the tests of the network-conditioned layers share: random weights far from the identity
 * start, and a layer rebuilt from its weights given as the inputs of a gradient check.
 */
final class NetworkLaws {

    private NetworkLaws() {
    }

    /** The layer's initial params, each multiplied by {@code scale} and shifted by N(0, 0.3²) noise: a random, non-identity network. */
    static Map<String, Tensor> randomWeights(Layer layer, int in, double scale, Random rng) {
        Map<String, Tensor> w = new LinkedHashMap<>();
        ConditionerNetwork.initialParameters(layer, in).forEach((k, v) -> w.put(k, v.mul(scale).add(FlowLaws.normal(rng, 0.3, v.shape()))));
        return w;
    }

    /** The weights as constants. */
    static Map<String, Var> constants(Map<String, Tensor> weights) {
        Map<String, Var> p = new LinkedHashMap<>();
        weights.forEach((k, v) -> p.put(k, Var.constant(v)));
        return p;
    }

    /** The point and the weights as one array of inputs (the point first), for {@link io.github.elbo4j.autodiff.GradientChecker}. */
    static Tensor[] inputs(Tensor point, Map<String, Tensor> weights) {
        List<Tensor> all = new ArrayList<>();
        all.add(point);
        all.addAll(weights.values());
        return all.toArray(Tensor[]::new);
    }

    /** {@code v -> g(layer(v[1..]), v[0])} where {@code layer} is made from the weights named as in {@code weights}. */
    static Function<Var[], Var> asFunction(Map<String, Tensor> weights, Function<Map<String, Var>, Bijector> make,
            java.util.function.BiFunction<Bijector, Var, Var> g) {
        List<String> names = new ArrayList<>(weights.keySet());
        return v -> {
            Map<String, Var> p = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                p.put(names.get(i), v[i + 1]);
            }
            return g.apply(make.apply(p), v[0]);
        };
    }

    /** The tape's Jacobian {@code J[o][i] = ∂f_o/∂z_i} at one point {@code z [D]}. */
    static double[][] tapeJacobian(Bijector f, Tensor z) {
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
        return jacobian;
    }
}
