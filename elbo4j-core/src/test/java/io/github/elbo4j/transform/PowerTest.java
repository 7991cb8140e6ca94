package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PowerTest extends BijectorContract {

    @Override
    BijectorSubject subject(Random rng) {
        double p = (rng.nextBoolean() ? 1 : -1) * (0.3 + 2.7 * rng.nextDouble());
        return BijectorSubject.onReals(Power.of(p)).withPoints(BijectorSubject.uniform(0.2, 3));
    }

    @Test
    void powerRefusesAZeroOrNonFiniteExponent() {
        assertThatThrownBy(() -> Power.of(0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Power exponent must be finite and != 0, got 0.0");
        assertThatThrownBy(() -> Power.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Power exponent must be finite and != 0, got NaN");
    }
}
