package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ComposedBijectorTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        switch (rng.nextInt(6)) {
            case 0:
                return BijectorSubject.onReals(Exp.of().then(Affine.of(0.5, -2.0)));
            case 1:
                return BijectorSubject.onReals(Sigmoid.of().then(Affine.of(-1.0, 3.0)).then(Tanh.of()));
            case 2: {
                int free = 1 + rng.nextInt(4);
                return BijectorSubject.onReals(Affine.of(0.3, 1.5).then(StickBreaking.of()), free)
                        .withFreeOutputs(BijectorSubject.first(free));
            }
            case 3:
                return BijectorSubject.onReals(Ordered.of().then(Affine.of(1.0, 0.5)), 1 + rng.nextInt(4));
            case 4: {
                double lower = -3 + 6 * rng.nextDouble();
                return BijectorSubject.onReals(Bijectors.bijectTo(new Constraint.Interval(lower, lower + 0.1 + 5 * rng.nextDouble())))
                        .withPoints(BijectorSubject.uniform(-4, 4));
            }
            default: {
                int n = 1 + rng.nextInt(3);
                return BijectorSubject.onReals(Bijectors.bijectTo(new Constraint.PositiveDefinite()), n * (n + 1) / 2)
                        .withPoints(BijectorSubject.uniform(-1, 1))
                        .withFreeOutputs(BijectorSubject.lowerTriangle(n, false));
            }
        }
    }

    @Test
    void nestedCompositionsAreFlattened() {
        Bijector b = Exp.of().then(Affine.of(1.0, 2.0)).then(Exp.of().then(Tanh.of()));
        assertThat(((ComposedBijector) b).parts()).hasSize(4);
    }

    @Test
    void eventRanksFollowTheAxesThePartsAdd() {
        Bijector pd = LowerCholeskyBijector.of().then(CholeskyOuterProduct.of());
        assertThat(pd.domainEventRank()).isEqualTo(1);
        assertThat(pd.codomainEventRank()).isEqualTo(2);
        Bijector simplex = Exp.of().then(StickBreaking.of());
        assertThat(simplex.domainEventRank()).isEqualTo(1);
        assertThat(simplex.codomainEventRank()).isEqualTo(1);
        assertThat(pd.forwardShape(new int[] {4, 6})).containsExactly(4, 3, 3);
        assertThat(pd.inverseShape(new int[] {4, 3, 3})).containsExactly(4, 6);
    }
}
