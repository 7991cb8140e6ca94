package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A hand-written guide that does not draw one of the model's latents is refused, naming the site and its plate. */
class GuideMissingSiteTest {

    @Test
    void aLocalLatentTheGuideForgotIsNamedWithItsPlate() {
        Tensor x = Tensor.of(0.1, 0.5, -0.3, 1.2);
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 1));
            m.plate("data", 4, 2, p -> {
                Var z = m.sample("z", Normal.of(mu, 1.0));
                m.observe("x", Normal.of(z, 0.5), p.subsample(x));
            });
        };
        // before this check the model drew z from its prior in every step, silently
        Model guide = m -> m.sample("mu", Normal.of(m.param("loc", Tensor.scalar(0.0)), 1.0));
        assertThatThrownBy(() -> Svi.builder(model).guide(guide).optimizer(Adam.lr(0.01)).maxSteps(5).build().run())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the guide has no site 'z'")
                .hasMessageContaining("plate(s) [data]")
                .hasMessageContaining("it draws [mu]");
    }
}
