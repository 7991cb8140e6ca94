package io.github.elbo4j.bench.accuracy;

import java.util.List;
import java.util.function.Supplier;

/**
 * The catalogue of the accuracy suite: every reference posterior of {@code posteriors/} with its
 * elbo4j model (README.md there describes each one and how its reference was made).
 */
public final class ReferencePosteriors {

    private static final List<Supplier<ReferencePosterior>> SUITE = List.of(
            LinregUncentered::posterior,
            LinearRegression::collinear25,
            LinearRegression::nearDegenerate,
            EightSchools::noncentered,
            EightSchools::centered,
            Funnel10::posterior,
            Ar2::posterior,
            Mixture2::posterior,
            HierLogreg::posterior,
            PoissonGlm::posterior,
            HierBinomial::posterior,
            WideUniformPriors::posterior);

    private ReferencePosteriors() {
    }

    /** Every posterior of the suite, data and references read from the class path. */
    public static List<ReferencePosterior> all() {
        return SUITE.stream().map(Supplier::get).toList();
    }

    /** The posterior {@code name} ({@code eight_schools_centered}, ...). */
    public static ReferencePosterior named(String name) {
        for (ReferencePosterior p : all()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no reference posterior named '" + name + "'; the suite has "
                + all().stream().map(ReferencePosterior::name).toList());
    }
}
