package io.github.elbo4j.infer;

import io.github.elbo4j.infer.run.SviProgram;
import io.github.elbo4j.random.RandomStream;

/**
 * Which method an {@link Svi} runs ({@link Svi.Method}): deterministic VI (fixed draws, L-BFGS)
 * when asked for or when the choice is left to elbo4j and the model and guide allow it, else
 * stochastic VI; and, when deterministic VI cannot run, why.
 */
final class MethodChoice {

    private MethodChoice() {
    }

    /** True when {@code settings} ask for deterministic VI or leave the choice and nothing stands in its way; a forced choice that cannot run throws. */
    static boolean deterministic(SviSettings settings, SviProgram p, SviState start) {
        return switch (settings.method()) {
            case STOCHASTIC -> false;
            case DETERMINISTIC -> {
                String why = obstacle(settings, p, start);
                if (why != null) {
                    throw new IllegalArgumentException("deterministic VI is not possible here: " + why);
                }
                yield true;
            }
            case AUTO -> !settings.stochasticChosen() && obstacle(settings, p, start) == null;
        };
    }

    /** Why deterministic VI cannot run, or null. */
    static String obstacle(SviSettings settings, SviProgram p, SviState start) {
        if (p.autoGuide instanceof io.github.elbo4j.infer.guide.AutoStructured) {
            return "part of the structured guide is hand-written (fitted by stochastic VI, as a hand-written guide is)";
        }
        if (p.autoGuide != null && !p.autoGuide.isGaussian()) {
            return "the " + p.autoGuide.familyName() + " guide is fitted by stochastic VI (with few fixed draws its many parameters "
                    + "would fit the draws, not the posterior)";
        }
        if (p.enumerates) {
            return "the ELBO enumerates discrete sites (TraceEnumElbo is fitted by stochastic VI)";
        }
        if (p.subsampled) {
            return "the model subsamples its data (the objective would be random)";
        }
        if (start.parameters().totalSize() > Svi.MAX_DETERMINISTIC_PARAMETERS) {
            return start.parameters().totalSize() + " parameters (limit " + Svi.MAX_DETERMINISTIC_PARAMETERS + ")";
        }
        if (!p.guideSupportsFixedDraws(start.parameters(), RandomStream.of(settings.seed()).split(-4))) {
            return "a guide site is drawn from a family other than Normal, MultivariateNormal or LowRankMultivariateNormal";
        }
        return null;
    }
}
