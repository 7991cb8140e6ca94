package io.github.elbo4j.nn;

import static io.github.elbo4j.nn.LayerChecks.assertGradients;
import static io.github.elbo4j.nn.LayerChecks.normal;
import static io.github.elbo4j.nn.LayerChecks.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpTest {

    @Test
    void layersAreNamedByIndexAndSizedByTheSizes() {
        Mlp mlp = Mlp.of("enc", Activation.RELU, 784, 400, 40);
        assertThat(mlp.layers()).extracting(Linear::name).containsExactly("enc.0", "enc.1");
        assertThat(mlp.layers()).extracting(Linear::in).containsExactly(784, 400);
        assertThat(mlp.layers()).extracting(Linear::out).containsExactly(400, 40);
        Trace t = ModelContext.trace(m -> mlp.forward(m, Var.constant(Tensor.zeros(2, 784))));
        assertThat(t.paramSites()).extracting(Site::name).containsExactly("enc.0.weight", "enc.0.bias", "enc.1.weight", "enc.1.bias");
    }

    @Test
    void forwardIsTheLayersWithTheActivationBetweenAndNoneAfterTheLast() {
        // catches a tanh after the output layer or none between (the hand composition differs from both)
        Mlp mlp = Mlp.of("net", Activation.TANH, 3, 5, 4);
        Tensor x = normal(1, 6, 3);
        Var h = Activation.TANH.apply(mlp.layers().get(0).forward(plain(), Var.constant(x)));
        Tensor expected = mlp.layers().get(1).forward(plain(), h).value();
        Tensor y = mlp.forward(plain(), Var.constant(x)).value();
        assertThat(y).isEqualTo(expected);
        Tensor sig = mlp.withOutputActivation(Activation.SIGMOID).forward(plain(), Var.constant(x)).value();
        assertThat(sig).isEqualTo(expected.apply(io.github.elbo4j.tensor.ElementwiseFunction.SIGMOID));
    }

    @Test
    void gradientsOfEveryParameterMatchFiniteDifferencesWithAParticleAxis() {
        for (Activation a : new Activation[] {Activation.ELU, Activation.GELU, Activation.SOFTPLUS, Activation.TANH, Activation.RELU}) {
            Mlp mlp = Mlp.of("net", a, Init.XAVIER_NORMAL, 3L, 4, 5, 2);
            List<String> names = new ArrayList<>();
            List<Tensor> values = new ArrayList<>();
            for (Linear l : mlp.layers()) {
                names.add(l.weightName());
                names.add(l.biasName());
                values.add(l.weightInit());
                // nonzero biases, so that a missing bias gradient shows
                values.add(normal(10 + values.size(), l.out()).mul(0.3));
            }
            assertGradients(mlp, normal(4, 3, 2, 4), names, values.toArray(new Tensor[0]));
        }
    }

    @Test
    void layerSeedsAreSplitsOfTheMlpSeed() {
        Mlp mlp = Mlp.of("net", Activation.RELU, Init.HE_NORMAL, 42, 3, 4, 2);
        for (int k = 0; k < 2; k++) {
            Linear l = mlp.layers().get(k);
            assertThat(l.weightInit()).isEqualTo(Linear.of("net." + k, l.in(), l.out(), Init.HE_NORMAL,
                    RandomStream.of(42).split(k).seed()).weightInit());
        }
        assertThat(Mlp.of("net", Activation.RELU, 3, 4).layers().get(0).weightInit())
                .isEqualTo(Mlp.of("net", Activation.RELU, 3, 4).layers().get(0).weightInit());
    }

    @Test
    void badSizesAreRefused() {
        assertThatThrownBy(() -> Mlp.of("net", Activation.RELU, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mlp 'net' sizes must have at least 2 entries (input and output), got [3]");
        assertThatThrownBy(() -> Mlp.of("net", Activation.RELU, 3, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mlp 'net' sizes[1] must be >= 1, got 0 in [3, 0, 2]");
        Mlp mlp = Mlp.of("net", Activation.RELU, 3, 2);
        assertThatThrownBy(() -> mlp.forward(plain(), Var.constant(Tensor.zeros(4, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear 'net.0' input must have shape [..., 3], got [4, 2]");
    }
}
