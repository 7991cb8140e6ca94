package io.github.elbo4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Each {@link VaeLayersBenchmark} body at a batch of 3 computes the gradient it claims: the last
 * layer's bias enters the output additively, so its gradient is the column sum of the output's
 * adjoint, written out here. Catches a benchmark that drops a parameter or a backward pass.
 */
class VaeLayersBenchmarkTest {

    private static VaeLayersBenchmark bench() {
        VaeLayersBenchmark b = new VaeLayersBenchmark();
        b.batch = 3;
        b.setup();
        return b;
    }

    private static double[] columnSums(Tensor t) {
        return t.sum(0).toArray();
    }

    @Test
    void encoderGradientsCoverEveryParamAndTheLastBiasIsTheCotangentsColumnSum() {
        VaeLayersBenchmark b = bench();
        Gradients g = b.encoder();
        assertThat(g.size()).isEqualTo(4);
        assertThat(g.get(0).shape()).containsExactly(784, 400);
        assertThat(g.get(3).toArray()).containsExactly(columnSums(b.encoderCotangent), within(1e-12));
        assertThat(g.get(0).apply(io.github.elbo4j.tensor.ElementwiseFunction.ABS).max().item()).isPositive();
    }

    @Test
    void decoderGradientsIncludeTheInput() {
        VaeLayersBenchmark b = bench();
        Gradients g = b.decoder();
        assertThat(g.size()).isEqualTo(5);
        assertThat(g.get(4).shape()).containsExactly(3, 20);
        assertThat(g.get(3).toArray()).containsExactly(columnSums(b.decoderCotangent), within(1e-12));
        assertThat(g.get(4).apply(io.github.elbo4j.tensor.ElementwiseFunction.ABS).max().item()).isPositive();
    }

    @Test
    void theVaePathReachesTheEncoderThroughTheDraw() {
        VaeLayersBenchmark b = bench();
        Gradients g = b.encoderDecoder();
        assertThat(g.size()).isEqualTo(8);
        assertThat(g.get(0).shape()).containsExactly(784, 400);
        assertThat(g.get(0).apply(io.github.elbo4j.tensor.ElementwiseFunction.ABS).max().item()).isPositive();
        assertThat(g.get(7).shape()).containsExactly(784);
    }
}
