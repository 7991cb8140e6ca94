package io.github.elbo4j.infer;

import java.util.OptionalDouble;

/**
 * One guide tried by the automatic choice ({@link io.github.elbo4j.infer.guide.AutoGuide#auto()}).
 *
 * @param guide               the family and its settings ({@code meanfield}, {@code lowrank}, ...)
 * @param gradientEvaluations single-draw evaluations of the model and its gradient the fit made
 *                            (steps × particles, or objective evaluations × fixed draws; the warm start not counted)
 * @param elbo                the ELBO from the PSIS check's draws ({@link Diagnostics#elbo()}), comparable across families
 * @param paretoK             the PSIS {@code k̂} (absent when not checked)
 * @param seconds             wall-clock time of the attempt, the check included
 * @param passed              whether the attempt passed the check (and the search stopped there)
 * @param verdict             the attempt's verdict, one line
 */
public record GuideAttempt(String guide, long gradientEvaluations, double elbo, OptionalDouble paretoK, double seconds,
                           boolean passed, String verdict) {
}
