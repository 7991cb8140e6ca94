package io.github.elbo4j.cavi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.elbo4j.infer.ElboTrace;
import io.github.elbo4j.infer.FactorPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shared pieces of the {@code toFit} methods: a check that cannot run, and the data hash. */
class CaviFitsTest {

    @Test
    void aCheckThatCannotRunTheModelGivesAnUncheckedFitWithTheReason() {
        ElboTrace history = ElboTrace.exact(new double[] {-3, -2});
        FactorPosterior q = FactorPosterior.of(Map.of("theta", FactorPosterior.Factor.beta(Tensor.scalar(2), Tensor.scalar(3))));
        Model broken = m -> {
            throw new IllegalArgumentException("Normal scale must be > 0, got Infinity");
        };
        Fit fit = CaviFits.closedForm("test", Map.of(), history, true, q, broken, 1, Map.of());
        assertThat(fit.paretoK()).isEmpty();
        assertThat(fit.verdict().level()).isEqualTo(Verdict.Level.UNCHECKED);
        assertThat(fit.verdict().reasons().get(0))
                .contains("the PSIS check could not run the model (Normal scale must be > 0, got Infinity)");
        assertThat(fit.elboTrace().values()).containsExactly(-3, -2);
    }

    @Test
    void theDataHashSeesTheShapeAndEveryBit() {
        String hash = CaviFits.dataHash(Tensor.of(1.0, 2.0, 3.0, 4.0));
        assertThat(CaviFits.dataHash(Tensor.of(1.0, 2.0, 3.0, 4.0))).isEqualTo(hash);
        assertThat(CaviFits.dataHash(Tensor.of(new double[] {1.0, 2.0, 3.0, 4.0}, 2, 2))).isNotEqualTo(hash);
        assertThat(CaviFits.dataHash(Tensor.of(1.0, 2.0, 3.0, Math.nextUp(4.0)))).isNotEqualTo(hash);
    }
}
