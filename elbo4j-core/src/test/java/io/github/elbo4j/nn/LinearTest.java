package io.github.elbo4j.nn;

import static io.github.elbo4j.nn.LayerChecks.assertGradients;
import static io.github.elbo4j.nn.LayerChecks.normal;
import static io.github.elbo4j.nn.LayerChecks.plain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LinearTest {

    private static final Tensor W = Tensor.of(new double[][] {{1.0, -2.0, 0.5}, {3.0, 0.25, -1.0}});
    private static final Tensor B = Tensor.of(0.1, -0.2, 0.3);

    private static Var forwardWith(Linear layer, Tensor w, Tensor b, Var x) {
        return layer.forward(ModelContext.of(new SubstituteHandler(Map.of(layer.weightName(), Var.constant(w),
                layer.biasName(), Var.constant(b)))), x);
    }

    @Test
    void forwardIsTheHandLoopOfXTimesWPlusB() {
        // catches a transposed weight (x Wᵀ), a missing or mis-broadcast bias, a wrong reshape back
        Linear layer = Linear.of("lin", 2, 3);
        double[][] x = {{0.5, -1.0}, {2.0, 0.0}, {-0.25, 4.0}, {1.0, 1.0}};
        double[] w = W.toArray();
        double[] b = B.toArray();
        double[] expected = new double[4 * 3];
        for (int r = 0; r < 4; r++) {
            for (int o = 0; o < 3; o++) {
                double s = 0.0;
                for (int i = 0; i < 2; i++) {
                    s += x[r][i] * w[i * 3 + o];
                }
                expected[r * 3 + o] = s + b[o];
            }
        }
        Var y = forwardWith(layer, W, B, Var.constant(Tensor.of(x).reshape(2, 2, 2)));
        assertThat(y.shape()).containsExactly(2, 2, 3);
        assertThat(y.value().toArray()).containsExactly(expected);
    }

    @Test
    void aVectorInputGivesAVectorOutput() {
        Var y = forwardWith(Linear.of("lin", 2, 3), W, B, Var.constant(Tensor.of(1.0, 2.0)));
        assertThat(y.shape()).containsExactly(3);
        assertThat(y.value().toArray()).containsExactly(1 + 6 + 0.1, -2 + 0.5 - 0.2, 0.5 - 2 + 0.3);
    }

    @Test
    void everyLeadingAxisIsABatchAxis() {
        // the particle axis and a plate axis: [P, B, in] equals the rows done one by one
        Linear layer = Linear.of("lin", 4, 3);
        Tensor x = normal(1, 2, 5, 4);
        Var y = layer.forward(plain(), Var.constant(x));
        assertThat(y.shape()).containsExactly(2, 5, 3);
        for (int p = 0; p < 2; p++) {
            for (int r = 0; r < 5; r++) {
                Tensor row = x.slice(0, p, p + 1).slice(1, r, r + 1).reshape(4);
                Tensor one = layer.forward(plain(), Var.constant(row)).value();
                assertThat(y.value().slice(0, p, p + 1).slice(1, r, r + 1).reshape(3).toArray())
                        .containsExactly(one.toArray());
            }
        }
    }

    @Test
    void gradientsInInputWeightAndBiasMatchFiniteDifferences() {
        Linear layer = Linear.of("lin", 4, 3);
        List<String> names = List.of(layer.weightName(), layer.biasName());
        assertGradients(layer, normal(2, 6, 4), names, layer.weightInit(), layer.biasInit());
        // with a leading particle axis [P, B, in], and a rank-1 input
        assertGradients(layer, normal(3, 3, 2, 4), names, layer.weightInit(), layer.biasInit());
        assertGradients(layer, normal(4, 4), names, layer.weightInit(), layer.biasInit());
    }

    @Test
    void dataInputsStayOffTheTapeAndOnlyTheParametersGetGradients() {
        // x constant: the product's pullback computes no x̄ (Adjoints would reject a wrong shape);
        // the weight gradient is xᵀ ȳ summed over every batch axis
        Linear layer = Linear.of("lin", 2, 3);
        Tape tape = new Tape();
        Var w = tape.variable(W);
        Var b = tape.variable(B);
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
        Var y = layer.forward(ModelContext.of(new SubstituteHandler(Map.of("lin.weight", w, "lin.bias", b))), Var.constant(x));
        var g = tape.gradient(y.sum(), w, b);
        // d/dW_io Σ y = Σ_rows x_i: columns of x summed over all 4 rows
        assertThat(g.get(0).toArray()).containsExactly(16, 16, 16, 20, 20, 20);
        assertThat(g.get(1).toArray()).containsExactly(4, 4, 4);
    }

    @Test
    void parametersAreNamedParamSitesAndTheInitIsTheSameObjectEveryCall() {
        Linear layer = Linear.of("enc", 3, 2);
        Trace t1 = ModelContext.trace(m -> layer.forward(m, Var.constant(Tensor.ones(3))));
        Trace t2 = ModelContext.trace(m -> layer.forward(m, Var.constant(Tensor.ones(5, 3))));
        assertThat(t1.paramSites()).extracting(Site::name).containsExactly("enc.weight", "enc.bias");
        assertThat(t1.require("enc.weight").type()).isEqualTo(SiteType.PARAM);
        assertThat(t1.require("enc.weight").value().shape()).containsExactly(3, 2);
        assertThat(t1.require("enc.bias").value().shape()).containsExactly(2);
        // drawn once: not a fresh tensor (nor fresh random bits) per forward call
        assertThat(t1.require("enc.weight").value().value()).isSameAs(t2.require("enc.weight").value().value())
                .isSameAs(layer.weightInit());
    }

    @Test
    void theSameSeedGivesTheSameBitsAndAnotherSeedOrNameOthers() {
        Linear a = Linear.of("a", 5, 4, Init.HE_NORMAL, 11);
        assertThat(Linear.of("a", 5, 4, Init.HE_NORMAL, 11).weightInit()).isEqualTo(a.weightInit());
        assertThat(Linear.of("a", 5, 4, Init.HE_NORMAL, 12).weightInit()).isNotEqualTo(a.weightInit());
        assertThat(Linear.of("a", 5, 4).weightInit()).isEqualTo(Linear.of("a", 5, 4).weightInit());
        // default seeds come from the name: two layers of one shape must not start identical (symmetry)
        assertThat(Linear.of("a", 5, 4).weightInit()).isNotEqualTo(Linear.of("b", 5, 4).weightInit());
        assertThat(Linear.of("a", 5, 4).biasInit()).isNotEqualTo(Linear.of("b", 5, 4).biasInit());
        // weight and bias come from different child streams: the bias is not the weight's first row
        Linear p = Linear.of("p", 1, 3, Init.PYTORCH_DEFAULT, 5);
        assertThat(p.biasInit().toArray()).isNotEqualTo(p.weightInit().toArray());
    }

    @Test
    void seedOfIsTheFnv1aHashOfTheName() {
        // FNV-1a 64 test vectors (Fowler, Noll & Vo reference code): "" and "a"
        assertThat(Linear.seedOf("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(Linear.seedOf("a")).isEqualTo(0xaf63dc4c8601ec8cL);
    }

    @Test
    void badSizesAndInputsAreRefusedWithTheLayerTheRuleAndTheValue() {
        assertThatThrownBy(() -> Linear.of("lin", 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear 'lin' in must be >= 1, got 0");
        assertThatThrownBy(() -> Linear.of("lin", 2, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear 'lin' out must be >= 1, got -1");
        assertThatThrownBy(() -> Linear.of("", 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear name must be non-empty, got \"\"");
        Linear layer = Linear.of("enc.0", 784, 400);
        assertThatThrownBy(() -> layer.forward(plain(), Var.constant(Tensor.zeros(128, 783))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear 'enc.0' input must have shape [..., 784], got [128, 783]");
        assertThatThrownBy(() -> layer.forward(plain(), Var.constant(Tensor.scalar(1.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear 'enc.0' input must have shape [..., 784], got []");
    }
}
