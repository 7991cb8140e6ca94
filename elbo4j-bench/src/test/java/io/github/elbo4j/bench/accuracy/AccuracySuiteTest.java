package io.github.elbo4j.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Verdict;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.optim.Adam;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The accuracy goals of issues 12 and 13 on the committed suite, with the default settings
 * (the same fits as {@code bench/accuracy} and docs/accuracy.md), against the NUTS or exact
 * references:
 * <ul>
 * <li>every verdict (mean field, low rank, full rank, Laplace, flow) is consistent with the fit's real error: a fit that misses its goal is not
 *     GOOD, and a fit more than 0.5 reference sds off warns (a diagnostic that lies is worse than
 *     none);</li>
 * <li>full rank and the flow guide land within 0.2 reference sds of every mean on every
 *     well-posed posterior;</li>
 * <li>a GOOD verdict, from any guide, comes with every mean within 0.1 reference sds and every
 *     sd ratio in [0.75, 1.33].</li>
 * </ul>
 * Catches a verdict that trusts a wrong fit, and regressions of the method (initialization,
 * preconditioning, fixed draws, stopping) that move answers.
 */
class AccuracySuiteTest {

    @TestFactory
    Stream<DynamicTest> everyVerdictIsConsistentWithTheError() {
        return ReferencePosteriors.all().stream().flatMap(p -> Stream.of(AutoGuide.meanField(), AutoGuide.lowRank(), AutoGuide.fullRank(),
                        AutoGuide.laplace(), AutoGuide.flow(), AutoGuide.auto())
                .map(g -> dynamicTest(p.name() + " " + g.familyName(), () -> {
                    AccuracyCheck c;
                    try {
                        c = AccuracyCheck.run(p, g, 1);
                    } catch (IllegalArgumentException refused) {     // a refusal is honest, if it is the Laplace guide's own
                        assertThat(refused.getMessage()).startsWith("a Laplace guide needs a positive-definite Hessian");
                        return;
                    }
                    Goals.Outcome o = c.goal(p);
                    assertThat(o.honest()).as("%s: mean error %.3f sd, sd ratios %.2f-%.2f, verdict %s", p.name(), c.meanError(),
                            c.minSdRatio(), c.maxSdRatio(), c.verdict()).isTrue();
                    if (c.verdict().level() == Verdict.Level.GOOD) {
                        // GOOD promises the marginals too: before the width check, low rank on hier_logreg read GOOD
                        // with sigma_alpha's sd at 0.62 of NUTS's (and auto() chose it); measured now: every GOOD
                        // row within 0.09 sds, sd ratios 0.79-1.07
                        assertThat(c.minSdRatio()).as("%s %s GOOD, sd ratio at %s", p.name(), g.familyName(), c.worstSd())
                                .isGreaterThanOrEqualTo(0.75);
                        assertThat(c.maxSdRatio()).as("%s %s GOOD, sd ratio at %s", p.name(), g.familyName(), c.worstSd())
                                .isLessThanOrEqualTo(1.33);
                        assertThat(c.meanError()).as("%s %s GOOD, worst at %s", p.name(), g.familyName(), c.worstMean())
                                .isLessThanOrEqualTo(0.1);
                    }
                    if (java.util.Set.of("fullrank", "flow").contains(g.familyName()) && p.wellPosed()) {
                        assertThat(c.meanError()).as("%s %s, worst at %s", p.name(), g.familyName(), c.worstMean()).isLessThanOrEqualTo(0.2);
                        if (c.verdict().level() == Verdict.Level.GOOD) {
                            assertThat(c.meanError()).as("%s %s, GOOD", p.name(), g.familyName()).isLessThanOrEqualTo(0.1);
                        }
                    }
                })));
    }

    /**
     * Pathfinder (4 paths, seed 1) on every posterior of the suite: its verdict obeys the same rule
     * (more than 0.5 reference sds off must warn; docs/pathfinder-svgd.md cites this). Measured: it
     * is 0.40-1.33 sds off on the hierarchical, funnel and 25-collinear posteriors, each with k-hat
     * 0.71-1.05 and the verdict DO NOT TRUST.
     */
    @TestFactory
    Stream<DynamicTest> pathfindersVerdictIsConsistentWithTheError() {
        return ReferencePosteriors.all().stream().map(p -> dynamicTest(p.name() + " pathfinder", () -> {
            AccuracyCheck c = AccuracyCheck.pathfinder(p);
            // honest: not GOOD when a goal is missed, and a warning when more than Goals.MUST_WARN sds off
            assertThat(c.goal(p).honest()).as("%s: mean error %.3f sd, verdict %s", p.name(), c.meanError(), c.verdict()).isTrue();
            if (c.verdict().level() == Verdict.Level.GOOD) {
                assertThat(c.minSdRatio()).as("%s pathfinder GOOD, sd ratio at %s", p.name(), c.worstSd()).isBetween(0.75, 1.33);
                assertThat(c.maxSdRatio()).as("%s pathfinder GOOD, sd ratio at %s", p.name(), c.worstSd()).isBetween(0.75, 1.33);
                assertThat(c.meanError()).as("%s pathfinder GOOD, worst at %s", p.name(), c.worstMean()).isLessThanOrEqualTo(0.1);
            }
        }));
    }

    /**
     * The two posteriors on which the Gaussian family is the limit (long Adam runs of full rank
     * stay there): the default flow guide (16 radial layers) must do what full rank cannot. On
     * hier_binomial every mean within 0.1 reference sds with k-hat below 0.7 (measured: 0.048 at
     * z[17], tau 0.010, k-hat 0.43; full rank: tau 0.187); on hier_logreg the sd of sigma_alpha at
     * least 0.75 of the reference (measured 0.79; full rank 0.55; the goal of 0.8 is not met).
     * The Monte Carlo error of a mean from the 20,000 draws is about 0.007 sd.
     */
    @org.junit.jupiter.api.Test
    void theFlowGuideReachesWhatTheGaussianFamilyCannot() {
        AccuracyCheck binomial = AccuracyCheck.run(ReferencePosteriors.named("hier_binomial"), AutoGuide.flow(), 1);
        assertThat(binomial.meanError()).as("hier_binomial flow, worst at %s", binomial.worstMean()).isLessThanOrEqualTo(0.1);
        assertThat(binomial.paretoK()).as("hier_binomial flow k-hat").isLessThan(0.7);
        AccuracyCheck logreg = AccuracyCheck.run(ReferencePosteriors.named("hier_logreg"), AutoGuide.flow(), 1);
        assertThat(logreg.minSdRatio()).as("hier_logreg flow, smallest sd ratio at %s", logreg.worstSd()).isGreaterThanOrEqualTo(0.75);
    }

    /**
     * The settings the docs used to show (Adam(0.05), Stan's relative rule at 0.001, up to 20,000
     * steps), under which issue 13 found fits several and up to 10⁴ sds off with no warning: the
     * answers may be off now too (the rule stops early, Adam wanders), but a fit more than 0.5
     * reference sds off must warn. Catches a stopping rule or a check that lets a wrong fit pass.
     */
    @TestFactory
    Stream<DynamicTest> theOldDocumentedSettingsNeverPassAWrongFitSilently() {
        return ReferencePosteriors.all().stream().flatMap(p -> Stream.of(AutoGuide.meanField(), AutoGuide.fullRank())
                .map(g -> dynamicTest(p.name() + " " + g.familyName(), () -> {
                    AccuracyCheck c = AccuracyCheck.run(p, g, 1, svi -> svi.optimizer(Adam.lr(0.05))
                            .convergence(Convergence.relative(0.001)).maxSteps(20_000));
                    if (c.meanError() > Goals.MUST_WARN) {
                        assertThat(c.verdict().isWarning()).as("%s: mean error %.3f sd, verdict %s", p.name(), c.meanError(), c.verdict())
                                .isTrue();
                    }
                })));
    }
}
