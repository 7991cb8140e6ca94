package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every refused input names its value and the rule. */
class PathfinderBadInputTest {

    static final Model NORMAL = m -> m.sample("z", Normal.of(0, 1));

    @Test
    void nonPositiveSettingsAreRefusedWithTheirValue() {
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).paths(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder paths must be >= 1, got 0");
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).historySize(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder historySize must be >= 1, got -2");
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).elboDraws(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder elboDraws must be >= 1, got 0");
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).draws(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder draws must be >= 2, got 1");
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).maxIterations(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder maxIterations must be >= 1, got 0");
        assertThatThrownBy(() -> Pathfinder.of(NORMAL).threads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder threads must be >= 1, got 0");
        assertThatThrownBy(() -> new PathfinderSettings(1, 6, 100, 5, 100, Double.NaN, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Pathfinder initRadius must be finite and > 0, got NaN");
    }

    @Test
    void aModelWithoutContinuousLatentsIsRefused() {
        Model onlyData = m -> m.observe("y", Normal.of(0, 1), Tensor.of(0.5, 1.5));
        assertThatThrownBy(() -> Pathfinder.of(onlyData).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dimension 0");
    }

    @Test
    void minusInfinityAtTheInitialPointIsNamed() {
        Model wall = m -> {
            m.sample("z", Normal.of(0, 1));
            m.factor("wall", Var.constant(Double.NEGATIVE_INFINITY));
        };
        assertThatThrownBy(() -> Pathfinder.of(wall).paths(1).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log density at the initial point is -Infinity")
                .hasMessageContaining("at u = [");
    }

    @Test
    void nanAtTheInitialPointIsNamed() {
        Model broken = m -> {
            m.sample("z", Normal.of(0, 1));
            m.factor("broken", Var.constant(Double.NaN));
        };
        assertThatThrownBy(() -> Pathfinder.of(broken).paths(2).run()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("log density at the initial point is NaN");
    }
}
