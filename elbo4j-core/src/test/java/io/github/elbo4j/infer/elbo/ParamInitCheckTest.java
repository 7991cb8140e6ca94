package io.github.elbo4j.infer.elbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import org.junit.jupiter.api.Test;

/**
 * A param's init is checked against its constraint where the init is used (the context's default
 * value, a store's first registration of the name), with the same message on both paths, and not
 * on the calls that do not use it (every later step of a fit).
 */
class ParamInitCheckTest {

    private static final Tensor BAD = Tensor.of(1.0, -2.0);
    private static final String MESSAGE = "param 'scale' init must lie in " + new Constraint.Positive() + ", got " + BAD;

    @Test
    void aBadInitFailsWithTheSameMessageAsTheDefaultValue() {
        ModelContext m = ModelContext.of();
        assertThatThrownBy(() -> m.param("scale", BAD, new Constraint.Positive()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(MESSAGE);
    }

    @Test
    void aBadInitFailsWithTheSameMessageWhenAStoreRegistersIt() {
        ParameterStore store = new ParameterStore();
        ModelContext m = ModelContext.of(new ParamHandler(store, new Tape()));
        assertThatThrownBy(() -> m.param("scale", BAD, new Constraint.Positive()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(MESSAGE);
        assertThat(store.names()).isEmpty();
    }

    @Test
    void anInitIsNotCheckedWhenTheStoreAlreadyHoldsTheName() {
        // a check on every call would throw here: the store's value is served and the init unused
        ParameterStore store = new ParameterStore();
        ModelContext.of(new ParamHandler(store, new Tape())).param("scale", Tensor.of(1.0, 2.0), new Constraint.Positive());
        Var v = ModelContext.of(new ParamHandler(store, new Tape())).param("scale", BAD, new Constraint.Positive());
        assertThat(v.value().toArray()).containsExactly(1.0, 2.0);
    }

    @Test
    void aGoodInitIsTheDefaultValue() {
        Tensor init = Tensor.of(0.5, 3.0);
        assertThat(ModelContext.of().param("scale", init, new Constraint.Positive()).value()).isSameAs(init);
    }
}
