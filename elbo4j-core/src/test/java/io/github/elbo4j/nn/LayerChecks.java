package io.github.elbo4j.nn;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.GradientChecker;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the layer tests share: gradients of a layer in its input and every parameter, and random inputs. */
final class LayerChecks {

    /** Max error of a double-precision gradient against the O(h⁴) stencil, as in the autodiff properties. */
    static final double TOLERANCE = 1e-6;

    private LayerChecks() {
    }

    /**
     * Checks the gradient of {@code layer} in {@code x} and in the params {@code names[k]} held at
     * {@code values[k]} (served through a substitute handler, so they are differentiated like x).
     */
    static void assertGradients(Layer layer, Tensor x, List<String> names, Tensor... values) {
        Tensor[] inputs = new Tensor[values.length + 1];
        inputs[0] = x;
        System.arraycopy(values, 0, inputs, 1, values.length);
        GradientChecker.Result r = GradientChecker.check(v -> {
            Map<String, Var> params = new HashMap<>();
            for (int k = 0; k < names.size(); k++) {
                params.put(names.get(k), v[k + 1]);
            }
            return layer.forward(ModelContext.of(new SubstituteHandler(params)), v[0]);
        }, inputs);
        assertThat(r.maxError()).as("%s: worst %s (input 0 is x, input k > 0 is %s)", layer, r, names).isLessThanOrEqualTo(TOLERANCE);
    }

    /** Standard normal values of the given shape from {@code RandomStream.of(seed)}. */
    static Tensor normal(long seed, int... shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        double[] v = new double[n];
        RandomStream.of(seed).fillGaussian(v);
        return Tensor.of(v, shape);
    }

    /** A context without handlers: params take their inits. */
    static ModelContext plain() {
        return ModelContext.of();
    }
}
