package io.github.elbo4j.distribution.kl;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.Independent;
import io.github.elbo4j.distribution.continuous.Normal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Closed-form KL divergences keyed by the pair of distribution classes. The table is built once
 * and never changes (no mutable global state); each rule states its formula and source.
 */
final class KlRegistry {

    /** A registry key: the classes of p and q. */
    record Pair(Class<?> p, Class<?> q) {
    }

    private static final Map<Pair, BiFunction<Distribution, Distribution, Var>> RULES = build();

    private KlRegistry() {
    }

    private static Map<Pair, BiFunction<Distribution, Distribution, Var>> build() {
        Map<Pair, BiFunction<Distribution, Distribution, Var>> m = new HashMap<>();
        m.put(new Pair(Normal.class, Normal.class), (p, q) -> normalNormal((Normal) p, (Normal) q));
        KlRules.registerAll(m);
        return Map.copyOf(m);
    }

    static <P extends Distribution, Q extends Distribution> void put(Map<Pair, BiFunction<Distribution, Distribution, Var>> m,
            Class<P> p, Class<Q> q, BiFunction<P, Q, Var> rule) {
        m.put(new Pair(p, q), (a, b) -> rule.apply(p.cast(a), q.cast(b)));
    }

    static Optional<Var> closedForm(Distribution p, Distribution q) {
        if (p instanceof Independent ip && q instanceof Independent iq && ip.reinterpretedRank() == iq.reinterpretedRank()) {
            return closedForm(ip.base(), iq.base()).map(kl -> sumLast(kl, ip.reinterpretedRank()));
        }
        BiFunction<Distribution, Distribution, Var> rule = RULES.get(new Pair(p.getClass(), q.getClass()));
        return rule == null ? Optional.empty() : Optional.of(rule.apply(p, q));
    }

    /** KL of independent copies adds up over the reinterpreted axes. */
    private static Var sumLast(Var kl, int n) {
        if (n == 0) {
            return kl;
        }
        int[] axes = new int[n];
        for (int i = 0; i < n; i++) {
            axes[i] = -1 - i;
        }
        return kl.sum(axes);
    }

    /**
     * {@code KL(N(μ₁,σ₁²) ‖ N(μ₂,σ₂²)) = log(σ₂/σ₁) + (σ₁² + (μ₁-μ₂)²)/(2σ₂²) - 1/2}
     * (e.g. Bishop, PRML, exercise 1.30 / Kingma &amp; Welling 2014, appendix B).
     */
    private static Var normalNormal(Normal p, Normal q) {
        Var ratio = p.scale().div(q.scale());
        Var t = p.loc().sub(q.loc()).div(q.scale());
        return ratio.square().add(t.square()).sub(1.0).mul(0.5).sub(ratio.log());
    }
}
