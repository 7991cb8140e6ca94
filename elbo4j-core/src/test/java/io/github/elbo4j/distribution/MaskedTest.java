package io.github.elbo4j.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

class MaskedTest implements DistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("masked normals", Masked.of(Normal.of(Tensor.of(0, 1, 2), Tensor.of(1, 2, 3)), Tensor.of(1, 0, 1))),
                new Named("mask broadcast to [2, 3]", Masked.of(Normal.of(Tensor.of(0, 1, 2), Tensor.of(1, 2, 3)),
                        Tensor.of(new double[] {1, 0}, 2, 1))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Masked.PARAMETERS;
    }

    @Override
    public List<Factory> factories() {
        return List.of(
                new Factory(List.of("mask"), p -> Masked.of(Normal.of(Tensor.of(0, 1, 2), Tensor.of(1, 2, 3)), p[0]), Tensor.of(1, 0, 1)));
    }

    @Test
    void maskedEntriesContributeExactlyZeroAndNoGradient() {
        Tape tape = new Tape();
        Var loc = tape.variable(Tensor.of(0.0, 1.0, 2.0));
        Masked d = Masked.of(Normal.of(loc, Var.constant(Tensor.of(1.0, 1.0, 1.0))), Tensor.of(1, 0, 1));
        assertThat(d.logProb(Tensor.of(0.5, Double.NaN, 1.0)).value().get(1)).isEqualTo(0.0);
        // a gradient needs a number at masked positions (any point of the support): see the class comment
        Var lp = d.logProb(Tensor.of(0.5, 100.0, 1.0));
        double[] v = lp.value().toArray();
        assertThat(v[1]).isEqualTo(0.0);
        assertThat(v[0]).isEqualTo(Normal.of(0, 1).logProb(Tensor.scalar(0.5)).item());
        Tensor g = tape.gradient(lp.sum(), loc).of(loc);
        assertThat(g.toArray()).containsExactly(0.5, 0.0, -1.0);
    }

    @Test
    void theMaskMustBeZeroOrOneAndBroadcast() {
        Normal base = Normal.of(Tensor.of(0, 1, 2), Tensor.of(1, 2, 3));
        assertThatThrownBy(() -> Masked.of(base, Tensor.of(1, 0.5, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Masked mask must be 0 or 1, got 0.5");
        assertThatThrownBy(() -> Masked.of(base, Tensor.of(1, 0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Masked mask shape [2] must broadcast with the batch shape [3]");
    }
}
