package io.github.elbo4j.cli.fit;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one place where model families are registered. */
public final class ModelFamilies {

    private static final List<ModelFamily> FAMILIES = List.of(new LinearRegressionFamily(), new LogisticRegressionFamily(), new GaussianMixtureFamily(),
            new LdaFamily(), new GpFamily());

    private ModelFamilies() {
    }

    /** The family with this name. */
    public static Optional<ModelFamily> find(String name) {
        return FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The known names, comma-separated. */
    public static String names() {
        return FAMILIES.stream().map(ModelFamily::name).collect(Collectors.joining(", "));
    }

    /** Every family. */
    public static List<ModelFamily> all() {
        return FAMILIES;
    }
}
