package io.github.elbo4j.distribution.continuous;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.ContinuousDistributionContract;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.kernel.ParameterTable;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UniformTest implements ContinuousDistributionContract {

    @Override
    public List<Named> instances() {
        return List.of(
                new Named("U(0, 1)", Uniform.of(0, 1)),
                new Named("U([-1, 2, 30], [0.5, 3, 30.01])", Uniform.of(Tensor.of(-1, 2, 30), Tensor.of(0.5, 3, 30.01))),
                new Named("U([[1],[2]], [3, 4, 5]) broadcast", Uniform.of(Tensor.of(new double[] {1, 2}, 2, 1), Tensor.of(3, 4, 5))));
    }

    @Override
    public ParameterTable parameterTable() {
        return Uniform.PARAMETERS;
    }

    @Override
    public Function<Var[], Distribution> family() {
        return v -> Uniform.of(v[0], v[1]);
    }

    @Override
    public List<Point> gradientPoints() {
        return List.of(new Point(Tensor.of(0.2, 1.0, -0.5), Tensor.of(-1.0), Tensor.of(0.5, 3, 2)));
    }

    @Override
    public List<Point> outsideSupport() {
        // each element outside its own interval; 0.6 and 2.5 lie inside the hull [-1, 3]
        return List.of(new Point(Tensor.of(-2, 4, Double.NaN), Tensor.of(-1.0), Tensor.of(3.0)),
                new Point(Tensor.of(0.6, 3.5), Tensor.of(-1.0), Tensor.of(0.5, 3.0)),
                new Point(Tensor.of(2.5, -0.5), Tensor.of(-1.0, 0.0), Tensor.of(2.0, 3.0)));
    }

    @Test
    void boundsMustBeFiniteAndOrdered() {
        assertThatThrownBy(() -> Uniform.of(2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Uniform low must be < high, got low = 2.0, high = 1.0");
        assertThatThrownBy(() -> Uniform.of(Tensor.of(0, 5), Tensor.of(1.0))).hasMessage("Uniform low must be < high, got low = 5.0, high = 1.0");
        assertThatThrownBy(() -> Uniform.of(1, 1)).hasMessage("Uniform low must be < high, got low = 1.0, high = 1.0");
        assertThatThrownBy(() -> Uniform.of(Double.NEGATIVE_INFINITY, 1)).hasMessage("Uniform low must be finite, got -Infinity");
    }

    @Test
    void theEndPointsBelongToTheSupport() {
        assertThat(Uniform.of(-1, 3).logProb(Tensor.of(-1, 3)).value().toArray()).containsExactly(-Math.log(4), -Math.log(4));
    }

    @Test
    void boundsThatDifferAcrossTheBatchGiveEachElementItsOwnInterval() {
        Uniform u = Uniform.of(Tensor.of(-1, 0), Tensor.of(0.5, 3));
        assertThat(u.support()).isInstanceOf(Constraint.VarInterval.class);
        assertThat(u.support().check(Tensor.of(0.6, 0.6)).toArray()).containsExactly(0.0, 1.0);
        assertThat(u.logProb(Tensor.of(0.6, 0.6)).value().toArray()).containsExactly(Double.NEGATIVE_INFINITY, -Math.log(3));
    }

    @Test
    void dataBoundsEqualAcrossTheBatchGiveAPlainInterval() {
        assertThat(Uniform.of(Tensor.of(-1, -1), Tensor.of(3, 3)).support()).isEqualTo(new Constraint.Interval(-1, 3));
        assertThat(Uniform.of(-1, 3).expand(4).support()).isEqualTo(new Constraint.Interval(-1, 3));
    }

    @Test
    void varBoundsGiveAVarIntervalHoldingTheBoundsThemselves() {
        Var high = Var.constant(Tensor.of(0.4, 0.7));
        Constraint support = Uniform.of(0, high).support();
        assertThat(support).isInstanceOf(Constraint.VarInterval.class);
        assertThat(((Constraint.VarInterval) support).upper()).isSameAs(high);
        assertThat(support.isParameterized()).isTrue();
    }
}
