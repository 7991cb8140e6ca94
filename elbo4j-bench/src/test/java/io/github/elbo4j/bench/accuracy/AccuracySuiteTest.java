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
 * <li>every verdict is consistent with the fit's real error: a fit that misses its goal is not
 *     GOOD, and a fit more than 0.5 reference sds off warns (a diagnostic that lies is worse than
 *     none);</li>
 * <li>full rank lands within 0.2 reference sds of every mean on every well-posed posterior, and
 *     within 0.1 sds where the posterior is Gaussian enough that k-hat reads GOOD.</li>
 * </ul>
 * Catches a verdict that trusts a wrong fit, and regressions of the method (initialization,
 * preconditioning, fixed draws, stopping) that move answers.
 */
class AccuracySuiteTest {

    @TestFactory
    Stream<DynamicTest> everyVerdictIsConsistentWithTheError() {
        return ReferencePosteriors.all().stream().flatMap(p -> Stream.of(AutoGuide.meanField(), AutoGuide.fullRank())
                .map(g -> dynamicTest(p.name() + " " + g.familyName(), () -> {
                    AccuracyCheck c = AccuracyCheck.run(p, g, 1);
                    Goals.Outcome o = c.goal(p);
                    assertThat(o.honest()).as("%s: mean error %.3f sd, sd ratios %.2f-%.2f, verdict %s", p.name(), c.meanError(),
                            c.minSdRatio(), c.maxSdRatio(), c.verdict()).isTrue();
                    if ("fullrank".equals(g.familyName()) && p.wellPosed()) {
                        assertThat(c.meanError()).as("%s full rank, worst at %s", p.name(), c.worstMean()).isLessThanOrEqualTo(0.2);
                        if (c.verdict().level() == Verdict.Level.GOOD) {
                            assertThat(c.meanError()).as("%s full rank, GOOD", p.name()).isLessThanOrEqualTo(0.1);
                        }
                    }
                })));
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
