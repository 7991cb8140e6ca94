package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InverseBijectorTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        switch (rng.nextInt(5)) {
            case 0:
                return BijectorSubject.onReals(Exp.of().inverted()).withPoints(BijectorSubject.uniform(0.2, 3));
            case 1:
                return BijectorSubject.onReals(Sigmoid.of().inverted()).withPoints(BijectorSubject.uniform(0.05, 0.95));
            case 2: {
                int k = 2 + rng.nextInt(4);
                return BijectorSubject.onReals(StickBreaking.of().inverted(), k)
                        .withPoints(BijectorSubject.simplex())
                        .withChart(BijectorSubject.first(k - 1), BijectorSubject.simplexChart());
            }
            case 3: {
                int n = 1 + rng.nextInt(3);
                return BijectorSubject.onReals(CholeskyOuterProduct.of().inverted(), n, n)
                        .withPoints(BijectorSubject.positiveDefinite())
                        .withChart(BijectorSubject.lowerTriangle(n, false), BijectorSubject.symmetric(n))
                        .withFreeOutputs(BijectorSubject.lowerTriangle(n, false));
            }
            default: {
                int n = 2 + rng.nextInt(3);
                return BijectorSubject.onReals(CorrCholeskyBijector.of().inverted(), n, n)
                        .withPoints(BijectorSubject.corrCholesky())
                        .withChart(BijectorSubject.lowerTriangle(n, true), BijectorSubject.corrCholeskyChart(n));
            }
        }
    }

    @Test
    void invertingTwiceGivesTheOriginalBack() {
        assertThat(StickBreaking.of().inverted().inverted()).isSameAs(StickBreaking.of());
        Bijector inverse = Exp.of().inverted();
        assertThat(inverse.domain()).isEqualTo(new Constraint.Positive());
        assertThat(inverse.codomain()).isEqualTo(new Constraint.Real());
    }
}
