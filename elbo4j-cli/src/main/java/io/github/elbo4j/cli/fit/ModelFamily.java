package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.StepListener;

/** A built-in model family of {@code elbo4j fit}: one small class per family, registered in {@link ModelFamilies}. */
public interface ModelFamily {

    /** The name on the command line, e.g. {@code linreg}. */
    String name();

    /** One line saying what model it fits and how. */
    String description();

    /** Fits the family to {@code data}. */
    FitOutcome fit(CsvTable data, FitOptions options, StepListener progress);
}
