package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CholeskyOuterProductTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        int n = 1 + rng.nextInt(3);
        int[] lower = BijectorSubject.lowerTriangle(n, false);
        return BijectorSubject.onReals(CholeskyOuterProduct.of(), n, n)
                .withPoints(BijectorSubject.lowerCholesky())
                .withChart(lower, BijectorSubject.lowerTriangular(n))
                .withFreeOutputs(lower);
    }

    @Test
    void inverseIsTheCholeskyFactor() {
        Tensor sigma = Tensor.of(new double[][] {{4, 2, -2}, {2, 10, 2}, {-2, 2, 6}});
        Tensor l = Tensor.of(new double[][] {{2, 0, 0}, {1, 3, 0}, {-1, 1, 2}});
        assertThat(BijectorContract.worst(CholeskyOuterProduct.of().inverse(sigma), l)).isLessThanOrEqualTo(1e-15);
    }
}
