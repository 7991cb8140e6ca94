package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.StepListener;
import java.nio.file.Path;

/** A built-in model family of {@code elbo4j fit}: one small class per family, registered in {@link ModelFamilies}. */
public interface ModelFamily {

    /** The name on the command line, e.g. {@code linreg}. */
    String name();

    /** One line saying what model it fits and how. */
    String description();

    /** The step (or sweep, or pass) budget when {@code --steps} is not given. */
    default long defaultSteps() {
        return 5000;
    }

    /** Reads {@code data} and fits the family to it; bad input is a {@link BadInputException}. */
    FitOutcome fit(Path data, FitOptions options, StepListener progress);
}
