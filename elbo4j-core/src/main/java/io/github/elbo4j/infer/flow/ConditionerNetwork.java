package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The conditioner of a coupling or autoregressive layer: an {@code nn} {@link Layer} from
 * {@code [..., in]} to {@code [..., out]} evaluated with given values of its {@code param} sites
 * (so a flow layer is a pure function of its parameters and may run the network any number of
 * times), or, when there is nothing to condition on ({@code in = 0}), a constant vector of length
 * {@code out} broadcast over the batch axes.
 */
final class ConditionerNetwork {

    /** The local name of the constant output when {@code in = 0}. */
    static final String CONSTANT = "output";

    private final Layer layer;
    private final Map<String, Var> parameters;
    private final int in;
    private final int out;

    private ConditionerNetwork(Layer layer, Map<String, Var> parameters, int in, int out) {
        this.layer = layer;
        this.parameters = Map.copyOf(parameters);
        this.in = in;
        this.out = out;
    }

    /**
     * {@code layer} with the param values {@code parameters} (by the layer's param names); a param
     * the layer asks for and the map lacks is an error, naming it, when the network runs.
     */
    static ConditionerNetwork of(Layer layer, Map<String, Var> parameters, int in, int out) {
        return new ConditionerNetwork(layer, parameters, in, out);
    }

    /** The constant {@code output} of shape {@code [out]}. */
    static ConditionerNetwork constant(Var output) {
        if (output.shape().length != 1) {
            throw new IllegalArgumentException("a constant conditioner must be a vector, got shape " + Arrays.toString(output.shape()));
        }
        return new ConditionerNetwork(null, Map.of(CONSTANT, output), 0, output.shape()[0]);
    }

    /** The initial values of {@code layer}'s params, read from one traced run on a zero input of width {@code in}. */
    static Map<String, Tensor> initialParameters(Layer layer, int in) {
        Trace trace = ModelContext.trace(m -> layer.forward(m, Var.constant(Tensor.zeros(1, in))));
        Map<String, Tensor> init = new LinkedHashMap<>();
        for (Site s : trace.paramSites()) {
            init.put(s.name(), s.value().value());
        }
        return init;
    }

    /** The output {@code [..., out]} for {@code x} of shape {@code [..., in]} (any last axis for a constant). */
    Var apply(Var x) {
        if (layer == null) {
            int[] shape = x.shape().clone();
            shape[shape.length - 1] = out;
            return parameters.get(CONSTANT).broadcastTo(shape);
        }
        ModelContext m = ModelContext.of(new SubstituteHandler(name -> {
            Var v = parameters.get(name);
            if (v == null) {
                throw new IllegalArgumentException("flow conditioner " + layer + " needs param '" + name + "', not among the given "
                        + parameters.keySet());
            }
            return v;
        }));
        return layer.forward(m, x);
    }

    int in() {
        return in;
    }

    int out() {
        return out;
    }
}
