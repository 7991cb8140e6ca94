package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import java.util.Map;
import java.util.function.BiFunction;

/** Closed-form KL rules beyond Normal/Normal, one method per pair; registered in {@link KlRegistry}. */
final class KlRules {

    private KlRules() {
    }

    static void registerAll(Map<KlRegistry.Pair, BiFunction<Distribution, Distribution, Var>> m) {
        // Families register their pairs here as they land (see KlRegistry.put).
        MultivariateKlRules.registerAll(m);
        UnivariateKlRules.registerAll(m);
    }
}
