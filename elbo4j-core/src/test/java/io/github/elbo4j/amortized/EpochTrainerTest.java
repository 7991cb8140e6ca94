package io.github.elbo4j.amortized;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Epochs of stochastic VI: the step count, the kept parameters and early stopping on a held-out score. */
class EpochTrainerTest {

    private static final Tensor X = Tensor.of(0.3, 1.1, -0.4, 2.0, 0.8, 1.5, -1.0, 0.2, 0.9, 1.3);

    private static Svi svi() {
        Model model = m -> {
            Var mu = m.param("mu", Tensor.scalar(0.0));
            m.plate("data", 10, 4, p -> m.observe("x", Normal.of(mu, 1.0), p.subsample(X)));
        };
        return Svi.builder(model).guide(m -> { }).optimizer(Adam.lr(0.05)).subsampling(Subsampling.epochs()).seed(3)
                .convergence(Convergence.none()).maxSteps(1_000).diagnosticDraws(0).build();
    }

    @Test
    void eachEpochTakesItsStepsAndWithoutAHeldOutScoreTheLastParametersAreKept() {
        EpochTrainer.Run run = EpochTrainer.builder(svi(), 3).epochs(4).build().run();
        assertThat(run.last().step()).isEqualTo(12);
        assertThat(run.epochs()).isEqualTo(4);
        assertThat(run.bestEpoch()).isEqualTo(4);
        assertThat(run.parameters().get("mu").item()).isEqualTo(run.last().parameters().value("mu").item());
        assertThat(run.heldOut()).containsOnly(Double.NaN);
        // the mean of x is 0.66: Adam at 0.05 for 12 steps moves mu up from 0 by at most 0.6
        assertThat(run.parameters().get("mu").item()).isBetween(0.3, 0.61);
    }

    @Test
    void earlyStoppingKeepsTheBestEpochsParameters() {
        double[] scripted = {-5, -3, -4, -3.5, -2, -1};
        List<Double> mus = new ArrayList<>();
        int[] calls = {0};
        EpochTrainer.Run run = EpochTrainer.builder(svi(), 3).epochs(6).patience(2)
                .heldOut(p -> {
                    mus.add(p.get("mu").item());
                    return scripted[calls[0]++];
                }).build().run();
        // best at epoch 2; epochs 3 and 4 do not improve: stop after epoch 4, never reaching epoch 5's better score
        assertThat(run.epochs()).isEqualTo(4);
        assertThat(run.stoppedEarly()).isTrue();
        assertThat(run.bestEpoch()).isEqualTo(2);
        assertThat(run.parameters().get("mu").item()).isEqualTo(mus.get(1));
        assertThat(run.heldOut()).containsExactly(-5, -3, -4, -3.5);
        assertThat(run.seconds()).hasSize(4);
    }

    @Test
    void badSettingsNameTheArgument() {
        assertThatThrownBy(() -> EpochTrainer.builder(svi(), 0)).hasMessage("stepsPerEpoch must be >= 1, got 0");
        assertThatThrownBy(() -> EpochTrainer.builder(svi(), 2).epochs(0)).hasMessage("epochs must be >= 1, got 0");
        assertThatThrownBy(() -> EpochTrainer.builder(svi(), 2).patience(0)).hasMessage("patience must be >= 1 epoch, got 0");
    }
}
