package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Svi#advance}: k steps in place give the bits of k calls of {@link Svi#update}, and leave the start state alone. */
class SviAdvanceTest {

    @Test
    void advancingEqualsUpdatingStepByStepAndDoesNotTouchTheStart() {
        Tensor x = Tensor.of(0.3, 1.1, -0.4, 2.0, 0.8, 1.5, -1.0, 0.2);
        Model model = m -> {
            Var mu = m.sample("mu", Normal.of(0, 3));
            m.plate("data", 8, 3, p -> m.observe("x", Normal.of(mu, 1.0), p.subsample(x)));
        };
        Model guide = m -> m.sample("mu", Normal.of(m.param("loc", Tensor.scalar(0.0)),
                m.param("scale", Tensor.scalar(1.0), new io.github.elbo4j.transform.Constraint.Positive())));
        Svi svi = Svi.builder(model).guide(guide).optimizer(Adam.lr(0.1)).subsampling(Subsampling.epochs()).seed(4)
                .maxSteps(100).build();
        SviState start = svi.init();
        SviState stepped = start;
        List<Double> elbos = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Svi.Update u = svi.update(stepped);
            stepped = u.state();
            elbos.add(u.elbo());
        }
        List<Double> seen = new ArrayList<>();
        SviState advanced = svi.advance(start, 7, (t, elbo, g, nanos) -> seen.add(elbo));
        assertThat(advanced.step()).isEqualTo(7);
        assertThat(advanced.parameters().flat()).containsExactly(stepped.parameters().flat());
        assertThat(seen).containsExactlyElementsOf(elbos);
        assertThat(start.parameters().flat()).containsExactly(svi.init().parameters().flat());
        // and it continues: 3 more in place equal 3 more updates
        SviState more = svi.advance(advanced, 3, (t, e, g, n) -> { });
        for (int i = 0; i < 3; i++) {
            stepped = svi.update(stepped).state();
        }
        assertThat(more.parameters().flat()).containsExactly(stepped.parameters().flat());
    }
}
