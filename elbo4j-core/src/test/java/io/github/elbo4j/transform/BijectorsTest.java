package io.github.elbo4j.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class BijectorsTest {

    /** Every continuous constraint with the shape of one of its points; bounds drawn from {@code rng}. */
    private static List<Object[]> continuous(Random rng) {
        double lower = -5 + 10 * rng.nextDouble();
        int k = 2 + rng.nextInt(4);
        int n = 1 + rng.nextInt(3);
        return List.of(
                new Object[] {new Constraint.Real(), new int[0]},
                new Object[] {new Constraint.RealVector(), new int[] {k}},
                new Object[] {new Constraint.Positive(), new int[0]},
                new Object[] {new Constraint.NonNegative(), new int[0]},
                new Object[] {new Constraint.GreaterThan(lower), new int[0]},
                new Object[] {new Constraint.Interval(lower, lower + 0.01 + 10 * rng.nextDouble()), new int[0]},
                new Object[] {new Constraint.VarGreaterThan(Var.constant(lower)), new int[0]},
                new Object[] {new Constraint.VarInterval(Var.constant(lower), Var.constant(lower + 0.01 + 10 * rng.nextDouble())), new int[0]},
                new Object[] {new Constraint.Simplex(), new int[] {k}},
                new Object[] {new Constraint.OrderedVector(), new int[] {k - 1}},
                new Object[] {new Constraint.PositiveOrderedVector(), new int[] {k - 1}},
                new Object[] {new Constraint.LowerCholesky(), new int[] {n, n}},
                new Object[] {new Constraint.CorrCholesky(), new int[] {n + 1, n + 1}},
                new Object[] {new Constraint.PositiveDefinite(), new int[] {n, n}});
    }

    @Property(tries = 60, seed = "20261207")
    void bijectToMapsRandomRealsIntoEveryContinuousConstraint(@ForAll long seed) {
        Random rng = new Random(seed);
        int[] batch = new int[rng.nextInt(3)];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = 1 + rng.nextInt(3);
        }
        for (Object[] c : continuous(rng)) {
            Constraint constraint = (Constraint) c[0];
            int[] event = (int[]) c[1];
            Bijector b = Bijectors.bijectTo(constraint);
            int[] unconstrained = b.inverseShape(BijectorContract.join(batch, event));
            Tensor y = b.forward(BijectorSubject.uniform(rng, -3, 3, unconstrained));
            assertThat(y.shape()).as("%s", constraint).isEqualTo(BijectorContract.join(batch, event));
            assertThat(constraint.check(y).min().item()).as("%s: %s", constraint, y).isEqualTo(1.0);
            assertThat(constraint.check(y).shape()).isEqualTo(batch);
        }
    }

    @Property(tries = 20, seed = "20261207")
    void bijectToHasTheConstraintAsCodomainExceptForNonNegativeAndRealVector(@ForAll long seed) {
        for (Object[] c : continuous(new Random(seed))) {
            Constraint constraint = (Constraint) c[0];
            // NonNegative is reached through its interior; real vectors by the element-wise identity onto the reals
            Constraint expected = constraint instanceof Constraint.NonNegative ? new Constraint.Positive()
                    : constraint instanceof Constraint.RealVector ? new Constraint.Real() : constraint;
            assertThat(Bijectors.bijectTo(constraint).codomain()).isEqualTo(expected);
        }
    }

    @Test
    void discreteConstraintsHaveNoBijection() {
        assertThatThrownBy(() -> Bijectors.bijectTo(new Constraint.IntegerInterval(0, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bijection from the real line onto IntegerInterval[lower=0, upper=3]: it is discrete");
        assertThatThrownBy(() -> Bijectors.bijectTo(new Constraint.NonNegativeInteger())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bijection from the real line onto NonNegativeInteger[]: it is discrete");
        assertThatThrownBy(() -> Bijectors.bijectTo(new Constraint.OneHot())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bijection from the real line onto OneHot[]: it is discrete");
        assertThatThrownBy(() -> Bijectors.bijectTo(new Constraint.Multinomial(5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no bijection from the real line onto Multinomial[total=5]: it is discrete");
    }

    @Test
    void varBoundsGiveAnElementwiseBijectorDifferentiableInTheBounds() {
        Tape tape = new Tape();
        Var lower = tape.variable(Tensor.of(-1.0, 0.0, 2.0));
        Var upper = tape.variable(Tensor.of(0.0, 5.0, 2.5));
        Bijector t = Bijectors.bijectTo(new Constraint.VarInterval(lower, upper));
        Var u = Var.constant(Tensor.of(0.0, 0.0, 40.0));
        Var y = t.forward(u);
        assertThat(y.value().toArray()).containsExactly(-0.5, 2.5, 2.5);
        // y = lower + (upper - lower) σ(u): ∂y/∂lower = 1 - σ(u), ∂y/∂upper = σ(u)
        var g = tape.gradient(y.sum(), lower, upper);
        assertThat(g.get(0).toArray()[0]).isEqualTo(0.5);
        assertThat(g.get(1).toArray()[1]).isEqualTo(0.5);
        // log |dy/du| = log(upper - lower) + log σ(u) + log σ(-u)
        assertThat(t.logAbsDetJacobian(u, y).value().toArray()[1]).isCloseTo(Math.log(5) + 2 * Math.log(0.5), within(1e-15));
        Var x = Var.constant(Tensor.of(0.5, 1.0, 2.1));
        Bijector g1 = Bijectors.bijectTo(new Constraint.VarGreaterThan(lower));
        assertThat(g1.forward(x).value().toArray()).containsExactly(-1 + Math.exp(0.5), Math.exp(1.0), 2 + Math.exp(2.1));
    }

    @Test
    void everyContinuousConstraintHasAnEntry() {
        for (Class<?> type : Constraint.class.getPermittedSubclasses()) {
            boolean discrete = Arrays.asList("IntegerInterval", "NonNegativeInteger", "OneHot", "Multinomial").contains(type.getSimpleName());
            long covered = continuous(new Random(1)).stream().filter(c -> c[0].getClass() == type).count();
            assertThat(covered).as("%s", type.getSimpleName()).isEqualTo(discrete ? 0 : 1);
        }
    }
}
